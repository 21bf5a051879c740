'use client';
import { useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { findCa, scopeFromParams, trustInScope, type FleetScope } from '@/lib/fleet';
import { relativeExpiry } from '@/lib/inventory/expiry';
import { ExpiryBadge } from '@/components/ui/ExpiryBadge';
import { CopyButton } from '@/components/ui/CopyButton';
import { utcTime } from '@/components/certificates/format';
import { formatFingerprint } from '@/lib/pki/fingerprint';
import { CertText } from '@/components/ui/CertText';
import { ClusterList } from './ClusterList';
import { CaChangeLinks } from './plan/CaChangeLinks';
import { ScopeForm } from './ScopeForm';
import { useFleet } from './fleet-context';
import { useQueryPatch } from './use-query-state';

/** One CA: its facts, the clusters that trust it, and for the chosen scope the clusters that do not. */
export function CaDetailView({ sha256 }: { sha256: string }) {
  const { index, clusters, loading, now } = useFleet();
  const params = useSearchParams();
  const patchQuery = useQueryPatch();
  const scope = useMemo(() => scopeFromParams(new URLSearchParams(params.toString())), [params]);
  const ca = findCa(index, sha256);
  const { trusting, notTrusting } = useMemo(
    () => trustInScope(ca ?? { clusters: [] }, clusters, scope),
    [ca, clusters, scope],
  );
  const setScope = (next: FleetScope) =>
    patchQuery({ tenant: next.tenantId, subscription: next.subscriptionId, cluster: next.name });
  const fingerprint = formatFingerprint(sha256);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {ca ? <CertText value={ca.displayName} /> : loading ? 'Loading the fleet…' : 'A CA no loaded cluster trusts'}
      </h1>
      {ca ? (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="ca-facts">
          <dt className="font-medium text-slate-700 dark:text-slate-300">Subject</dt>
          <dd>
            <CertText value={ca.subject} max={1000} />
          </dd>
          <dt className="font-medium text-slate-700 dark:text-slate-300">Issuer</dt>
          <dd>
            <CertText value={ca.issuer} max={1000} />
            {ca.selfIssued && ' (self-signed)'}
          </dd>
          <dt className="font-medium text-slate-700 dark:text-slate-300">Expiry</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <ExpiryBadge status={ca.status} />
            <span>{relativeExpiry(ca.notAfter, now)}</span>
            <span className="text-slate-700 dark:text-slate-300">
              (valid from <time dateTime={ca.notBefore}>{utcTime(ca.notBefore)}</time> to{' '}
              <time dateTime={ca.notAfter}>{utcTime(ca.notAfter)}</time>)
            </span>
          </dd>
          <dt className="font-medium text-slate-700 dark:text-slate-300">Key</dt>
          <dd>{ca.keyDescription}</dd>
          <dt className="font-medium text-slate-700 dark:text-slate-300">SHA-256</dt>
          <dd className="flex items-start gap-2">
            <code className="font-mono text-xs break-all" data-testid="ca-sha256">
              {fingerprint}
            </code>
            <CopyButton text={fingerprint} label="Copy the SHA-256 fingerprint" />
          </dd>
          <dt className="font-medium text-slate-700 dark:text-slate-300">SHA-1</dt>
          <dd>
            <code className="font-mono text-xs break-all">{formatFingerprint(ca.sha1)}</code>
          </dd>
          <dt className="font-medium text-slate-700 dark:text-slate-300">Subject key identifier</dt>
          <dd>
            <code className="font-mono text-xs break-all">
              {ca.subjectKeyIdentifier ? formatFingerprint(ca.subjectKeyIdentifier) : 'none'}
            </code>
          </dd>
        </dl>
      ) : null}
      {ca && <CaChangeLinks sha256={ca.sha256} name={ca.displayName} />}
      {ca
        ? null
        : !loading && (
            <p className="text-sm">
              No loaded cluster trusts the CA with SHA-256{' '}
              <code className="font-mono text-xs break-all">{fingerprint}</code>. Every cluster in the scope below lacks
              it.
            </p>
          )}

      <section aria-labelledby="scope-heading" className="space-y-3">
        <h2 id="scope-heading" className="text-lg font-semibold">
          Clusters
        </h2>
        <ScopeForm scope={scope} clusters={clusters} onChange={setScope} />
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="trusting-heading" className="space-y-2">
            <h3 id="trusting-heading" className="font-semibold" data-testid="trusting-heading">
              Trust this CA ({trusting.length})
            </h3>
            <ClusterList clusters={trusting} testId="trusting-cluster" empty="No cluster in this scope trusts it." />
          </section>
          <section aria-labelledby="not-trusting-heading" className="space-y-2">
            <h3 id="not-trusting-heading" className="font-semibold" data-testid="not-trusting-heading">
              Do not trust it ({notTrusting.length})
            </h3>
            <ClusterList
              clusters={notTrusting}
              testId="not-trusting-cluster"
              empty="Every cluster in this scope trusts it."
            />
          </section>
        </div>
      </section>
    </div>
  );
}
