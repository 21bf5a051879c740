'use client';
import { useEffect, useId, useState } from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import type { FleetChange, FleetTarget } from '@/lib/fleet/plan/types';
import { normalizeSha256, type FleetCa } from '@/lib/fleet';
import { useAuth } from '@/components/auth/auth-context';
import { toClientError } from '@/components/clusters/client-error';
import { ErrorAlert } from '@/components/ui/Alert';
import { CertText } from '@/components/ui/CertText';
import { FIELD, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/buttons';
import { formatFingerprint } from '@/lib/pki/fingerprint';
import { useFleet } from '../fleet-context';
import { TenantSubscriptionFields } from '../TenantSubscriptionFields';
import { CertificateIntake, type IntakeResult } from './CertificateIntake';
import { computePlan } from './compute-plan';
import { readStoredBaseline, readHandoff } from './handoff';
import { storePlan } from './plan-store';

type Kind = FleetChange['kind'];
const KINDS: { kind: Kind; label: string; hint: string }[] = [
  { kind: 'replace', label: 'Replace a CA (rotation)', hint: 'Every targeted cluster trusts the successor instead.' },
  { kind: 'add', label: 'Add certificates', hint: 'Added to each cluster’s own list; what it trusts stays.' },
  { kind: 'remove', label: 'Remove certificates', hint: 'Taken out of every targeted cluster’s list.' },
  { kind: 'baseline', label: 'Trust exactly a baseline', hint: 'Each cluster ends with exactly these CAs.' },
];

function caLabel(ca: FleetCa): string {
  return `${ca.displayName} (${formatFingerprint(ca.sha256).slice(0, 23)}…)`;
}

/** A choice of one CA of the fleet, or none. */
function CaSelect({
  label,
  none,
  cas,
  value,
  onChange,
}: {
  label: string;
  none: string;
  cas: FleetCa[];
  value: string | undefined;
  onChange: (sha256: string | undefined) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <select
        className={`${FIELD} max-w-xs`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{none}</option>
        {cas.map((ca) => (
          <option key={ca.sha256} value={ca.sha256}>
            {caLabel(ca)}
          </option>
        ))}
      </select>
    </label>
  );
}

function readKind(value: string | null): Kind {
  return KINDS.some((k) => k.kind === value) ? (value as Kind) : 'replace';
}

/** "Plan a change": what to change and on which clusters, then the plan computed from the loaded fleet. */
export function ChangeBuilder() {
  const params = useSearchParams();
  const router = useRouter();
  const { getArmToken } = useAuth();
  const { index, clusters, load, loading, now } = useFleet();
  const formId = useId();

  const [kind, setKind] = useState<Kind>(() => readKind(params.get('kind')));
  const [from, setFrom] = useState(() => normalizeSha256(params.get('from') ?? '') ?? '');
  const [removing, setRemoving] = useState<string[]>(() =>
    (params.get('remove') ?? '')
      .split(',')
      .map((s) => normalizeSha256(s))
      .filter((s): s is string => !!s),
  );
  const [target, setTarget] = useState<FleetTarget>(() => ({
    trusts: normalizeSha256(params.get('trusts') ?? params.get('from') ?? '') ?? undefined,
    missing: normalizeSha256(params.get('missing') ?? '') ?? undefined,
    tenantId: params.get('tenant') || undefined,
    subscriptionId: params.get('subscription') || undefined,
    name: params.get('name') || undefined,
  }));
  const [chosenIds, setChosenIds] = useState<string[] | undefined>(undefined);
  const [baseline, setBaseline] = useState<{ name: string; certificates: string[] } | null>(null);
  const [intake, setIntake] = useState<IntakeResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The inventory's explicit choice and baseline arrive through this tab's sessionStorage.
  useEffect(() => {
    if (params.get('chosen') === '1') setChosenIds(readHandoff().clusterIds); // eslint-disable-line react-hooks/set-state-in-effect
    if (params.get('baseline') === 'loaded') setBaseline(readStoredBaseline());
  }, [params]);

  const intakeErrors = intake?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const intakePems = intake?.certificates.map((c) => c.pem) ?? [];
  const change: FleetChange | string = (() => {
    switch (kind) {
      case 'add':
        if (intakePems.length === 0) return 'Give the certificates to add (files or pasted PEM).';
        return { kind, certificates: intakePems };
      case 'remove':
        if (removing.length === 0) return 'Choose at least one CA to remove.';
        return { kind, sha256: removing };
      case 'replace':
        if (!from) return 'Choose the CA to replace.';
        if (intakePems.length !== 1) return 'Give exactly one successor certificate (a file or pasted PEM).';
        return { kind, from, to: intakePems[0]! };
      case 'baseline': {
        const certificates = intakePems.length > 0 ? intakePems : (baseline?.certificates ?? []);
        if (certificates.length === 0) return 'Give the baseline bundle (a file or pasted PEM).';
        return { kind, certificates };
      }
    }
  })();
  const usesIntake = kind !== 'remove' && !(kind === 'baseline' && baseline && !intake);
  const blockedBy = loading
    ? 'The fleet is still loading.'
    : typeof change === 'string'
      ? change
      : usesIntake && intakeErrors > 0
        ? 'Fix the errors in the certificates first.'
        : null;

  const submit = async () => {
    if (typeof change === 'string' || blockedBy) return;
    setError(null);
    setBusy('Computing the plan…');
    try {
      const fullTarget: FleetTarget = {
        ...Object.fromEntries(Object.entries(target).filter(([, v]) => v)),
        ...(chosenIds ? { clusterIds: chosenIds } : {}),
      };
      const plan = await computePlan(load, change, fullTarget, getArmToken, (checked, total) =>
        setBusy(`Asking ARM for your permissions: ${checked} of ${total} clusters.`),
      );
      const id = await storePlan(plan);
      router.push(`/fleet/plan?id=${id}`);
    } catch (cause) {
      setError(toClientError(cause, 'UnexpectedError').message);
      setBusy(null);
    }
  };

  const hintId = `${formId}-blocked`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Plan a fleet change</h1>
        <Link href="/fleet/plan" className="text-sm text-blue-800 underline dark:text-blue-300">
          Open a plan file instead
        </Link>
      </div>
      <form
        className="space-y-6"
        aria-label="Fleet change"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="space-y-2">
          <legend className="text-lg font-semibold">Change</legend>
          <div className="flex flex-wrap gap-3">
            {KINDS.map((k) => (
              <label
                key={k.kind}
                className={`flex max-w-xs cursor-pointer flex-col rounded border px-3 py-2 text-sm ${kind === k.kind ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-blue-950' : 'border-slate-400 dark:border-slate-600'}`}
              >
                <span className="flex items-center gap-2 font-medium">
                  <input
                    type="radio"
                    name="kind"
                    value={k.kind}
                    checked={kind === k.kind}
                    onChange={() => setKind(k.kind)}
                  />
                  {k.label}
                </span>
                <span className="text-slate-700 dark:text-slate-300">{k.hint}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {kind === 'replace' && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">CA to replace</span>
            <select
              className={`${FIELD} max-w-full`}
              value={from}
              onChange={(event) => {
                setFrom(event.target.value);
                setTarget((t) => ({ ...t, trusts: event.target.value || undefined }));
              }}
            >
              <option value="">Choose a CA…</option>
              {index.map((ca) => (
                <option key={ca.sha256} value={ca.sha256}>
                  {caLabel(ca)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'remove' && (
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">CAs to remove</legend>
            <ul className="max-h-64 space-y-1 overflow-auto">
              {index.map((ca) => (
                <li key={ca.sha256}>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={removing.includes(ca.sha256)}
                      onChange={(event) =>
                        setRemoving((list) =>
                          event.target.checked ? [...list, ca.sha256] : list.filter((s) => s !== ca.sha256),
                        )
                      }
                    />
                    <CertText value={ca.displayName} />
                    <span className="text-slate-700 dark:text-slate-300">
                      trusted by {ca.clusters.length} cluster{ca.clusters.length === 1 ? '' : 's'}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {kind === 'baseline' && baseline && (
          <p className="text-sm" data-testid="baseline-source">
            The baseline loaded in the inventory: <CertText value={baseline.name} /> ({baseline.certificates.length}{' '}
            certificate{baseline.certificates.length === 1 ? '' : 's'}). Give other certificates below to use those
            instead.
          </p>
        )}
        {kind !== 'remove' && (
          <section aria-labelledby={`${formId}-intake`} className="space-y-2">
            <h2 id={`${formId}-intake`} className="text-lg font-semibold">
              {kind === 'replace' ? 'The successor' : kind === 'add' ? 'Certificates to add' : 'The baseline bundle'}
            </h2>
            <CertificateIntake key={kind} idPrefix={`${formId}-${kind}`} now={now} onChange={setIntake} />
          </section>
        )}

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Clusters</legend>
          {chosenIds && (
            <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="chosen-clusters">
              {chosenIds.length} cluster{chosenIds.length === 1 ? '' : 's'} chosen in the inventory (and matching the
              fields below).
              <button type="button" className={SECONDARY_BUTTON} onClick={() => setChosenIds(undefined)}>
                Forget the choice
              </button>
            </p>
          )}
          <div className="flex flex-wrap items-end gap-3">
            <CaSelect
              label="That trust"
              none="Any CA"
              cas={index}
              value={target.trusts}
              onChange={(trusts) => setTarget((t) => ({ ...t, trusts }))}
            />
            <CaSelect
              label="That miss"
              none="No condition"
              cas={index}
              value={target.missing}
              onChange={(missing) => setTarget((t) => ({ ...t, missing }))}
            />
            <TenantSubscriptionFields
              clusters={clusters}
              value={target}
              onChange={(next) => setTarget((t) => ({ ...t, ...next }))}
              subscriptionClassName="max-w-xs"
            />
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">Cluster name (* and ? as wildcards)</span>
              <input
                type="text"
                className={FIELD}
                value={target.name ?? ''}
                onChange={(event) => setTarget((t) => ({ ...t, name: event.target.value || undefined }))}
                autoComplete="off"
                spellCheck={false}
              />
            </label>
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className={PRIMARY_BUTTON}
            disabled={!!blockedBy || !!busy}
            aria-describedby={blockedBy ? hintId : undefined}
          >
            Compute the plan
          </button>
          {blockedBy && (
            <p id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
              {blockedBy}
            </p>
          )}
          <p role="status" className="text-sm">
            {busy}
          </p>
        </div>
        {error && <ErrorAlert title="The plan could not be computed">{error}</ErrorAlert>}
      </form>
    </div>
  );
}
