'use client';
import { useId, useState } from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Download, FileUp } from 'lucide-react';
import type { FleetPlan, PlanBlockReason } from '@/lib/fleet/plan/types';
import { ErrorAlert } from '@/components/ui/Alert';
import { downloadFile } from '@/components/ui/download';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { BLOCK_LABELS, CHANGE_LABELS } from './labels';
import { PlanCertificate, PlanClusterRow } from './PlanClusterRow';
import { planFileName, planText } from './plan-store';
import { usePlanCertificates, usePlanFileLoader, useStoredPlan } from './use-plan';
import { WaveSettings } from './WaveSettings';
import { ColumnHeaders } from '@/components/ui/ColumnHeaders';

/** Load a plan file (another browser's download, a pipeline's `ca-trust fleet plan --out`). */
export function PlanFileInput({ onLoaded }: { onLoaded: (id: string) => void }) {
  const { loadFile, error } = usePlanFileLoader();
  const inputId = useId();
  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className={`${SECONDARY_BUTTON} cursor-pointer focus-within:outline-2`}>
        <FileUp aria-hidden="true" className="h-4 w-4" /> Load a plan file…
      </label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        data-testid="plan-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void loadFile(file).then((id) => id && onLoaded(id));
        }}
      />
      {error && <ErrorAlert title="This plan file cannot be used">{error}</ErrorAlert>}
    </div>
  );
}

function ChangeTitle({
  plan,
  certificates,
}: {
  plan: FleetPlan;
  certificates: ReturnType<typeof usePlanCertificates>;
}) {
  const { change } = plan;
  if (change.kind === 'replace') {
    const to = Object.entries(plan.certificates).find(([, pem]) => pem === change.to)?.[0];
    return (
      <>
        Replace <PlanCertificate sha256={change.from} certificates={certificates} /> by{' '}
        {to ? <PlanCertificate sha256={to} certificates={certificates} /> : 'its successor'}
      </>
    );
  }
  return <>{CHANGE_LABELS[change.kind]}</>;
}

/** The plan: totals, every cluster with its diff, findings, impact and what blocks it; then the waves. */
export function PlanView() {
  const params = useSearchParams();
  const router = useRouter();
  const id = params.get('id');
  const load = useStoredPlan(id);
  const plan = load.status === 'loaded' ? load.plan : null;
  const certificates = usePlanCertificates(plan);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const open = (next: string) => router.push(`/fleet/plan?id=${next}`);

  if (load.status === 'none' || load.status === 'failed')
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Fleet plan</h1>
        {load.status === 'failed' && <ErrorAlert title="The plan cannot be opened">{load.message}</ErrorAlert>}
        <p className="text-sm">
          Load a plan file, or{' '}
          <Link href="/fleet/new" className="text-blue-800 underline dark:text-blue-300">
            plan a new change
          </Link>
          .
        </p>
        <PlanFileInput onLoaded={open} />
      </div>
    );
  if (!plan) return <p role="status">Reading the plan…</p>;

  const { totals } = plan;
  const reasons = Object.entries(totals.blockedBy) as [PlanBlockReason, number][];
  const download = async () => {
    try {
      downloadFile(planFileName(plan), await planText(plan), 'application/json');
    } catch {
      setDownloadError('The plan could not be written as a file.');
    }
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold" data-testid="plan-title">
          <ChangeTitle plan={plan} certificates={certificates} />
        </h1>
        <div className="flex flex-wrap items-start gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={() => void download()}>
            <Download aria-hidden="true" className="h-4 w-4" /> Download the plan (JSON)
          </button>
          <PlanFileInput onLoaded={open} />
        </div>
      </div>
      {downloadError && <ErrorAlert>{downloadError}</ErrorAlert>}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Computed <time dateTime={plan.createdAt}>{new Date(plan.createdAt).toLocaleString()}</time> from each cluster’s
        own bundle. The plan lives in this browser and in the file you download; nothing is kept on the server.
      </p>

      <section aria-labelledby="plan-totals-heading" className="space-y-2">
        <h2 id="plan-totals-heading" className="text-lg font-semibold">
          Totals
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="plan-totals">
          {[
            ['Clusters', totals.clusters, 'clusters'],
            ['To apply', totals.toApply, 'to-apply'],
            ['Blocked', totals.blocked, 'blocked'],
            ['Linux nodes replaced', totals.machinesReplaced, 'nodes'],
          ].map(([label, value, key]) => (
            <div key={key} className="rounded border border-slate-300 p-3 dark:border-slate-700">
              <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid={`plan-total-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {reasons.length > 0 && (
          <p className="text-sm" data-testid="plan-blocked-by">
            Blocked: {reasons.map(([reason, count]) => `${count} ${BLOCK_LABELS[reason]}`).join(', ')}.
          </p>
        )}
      </section>

      <section aria-labelledby="plan-clusters-heading" className="space-y-2">
        <h2 id="plan-clusters-heading" className="text-lg font-semibold">
          Clusters
        </h2>
        {plan.clusters.length === 0 ? (
          <p className="text-sm">No loaded cluster matches this plan’s target.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Every cluster of the plan with its change</caption>
              <ColumnHeaders
                rowClassName="text-left"
                cellClassName="py-2"
                gap="pr-3"
                columns={[
                  { label: 'Cluster' },
                  { label: 'Subscription and tenant' },
                  { label: 'Change' },
                  { label: 'Findings' },
                  { label: 'Nodes replaced', align: 'right' },
                  { label: 'Outcome' },
                ]}
              />
              <tbody>
                {plan.clusters.map((cluster) => (
                  <PlanClusterRow key={cluster.ref.id} cluster={cluster} certificates={certificates} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {totals.toApply > 0 && load.status === 'loaded' && <WaveSettings plan={plan} planId={load.id} />}
    </div>
  );
}
