'use client';
import type { CertificateInfo } from '@/lib/pki';
import type { PlannedCluster } from '@/lib/fleet/plan/types';
import { Badge } from '@/components/ui/Badge';
import { CertText } from '@/components/ui/CertText';
import { formatFingerprint } from '@/lib/pki/fingerprint';

/** A certificate of the plan by its name (hostile text: CertText), its fingerprint in the tooltip. */
export function PlanCertificate({
  sha256,
  certificates,
}: {
  sha256: string;
  certificates: Map<string, CertificateInfo>;
}) {
  const certificate = certificates.get(sha256);
  return (
    <span title={formatFingerprint(sha256)} data-sha256={sha256}>
      {certificate ? (
        <CertText value={certificate.displayName} />
      ) : (
        <code className="font-mono text-xs">{sha256.slice(0, 16)}…</code>
      )}
    </span>
  );
}

export function PlanClusterRow({
  cluster,
  certificates,
}: {
  cluster: PlannedCluster;
  certificates: Map<string, CertificateInfo>;
}) {
  const { ref, block } = cluster;
  const errors = cluster.findings.filter((f) => f.severity === 'error');
  const others = cluster.findings.filter((f) => f.severity !== 'error');
  return (
    <tr
      className="border-t border-slate-300 align-top dark:border-slate-700"
      data-testid="plan-cluster"
      data-cluster={ref.name}
      data-block={block?.reason ?? ''}
    >
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        <span className="block">{ref.name}</span>
        <span className="block text-xs font-normal text-slate-700 dark:text-slate-300">{ref.resourceGroup}</span>
      </th>
      <td className="py-2 pr-3">
        <span className="block">{ref.subscriptionName}</span>
        <span className="block text-xs text-slate-700 dark:text-slate-300">{ref.tenantName}</span>
      </td>
      <td className="py-2 pr-3">
        {cluster.added.length === 0 && cluster.removed.length === 0 ? (
          <span className="text-slate-700 dark:text-slate-300">No change</span>
        ) : (
          <ul className="space-y-0.5">
            {cluster.added.map((sha) => (
              <li key={`a-${sha}`} data-testid="plan-added">
                <span aria-hidden="true" className="font-mono text-green-800 dark:text-green-300">
                  +{' '}
                </span>
                <span className="sr-only">Added: </span>
                <PlanCertificate sha256={sha} certificates={certificates} />
              </li>
            ))}
            {cluster.removed.map((sha) => (
              <li key={`r-${sha}`} data-testid="plan-removed">
                <span aria-hidden="true" className="font-mono text-red-800 dark:text-red-300">
                  −{' '}
                </span>
                <span className="sr-only">Removed: </span>
                <PlanCertificate sha256={sha} certificates={certificates} />
              </li>
            ))}
          </ul>
        )}
        <span className="mt-1 block text-xs text-slate-700 dark:text-slate-300">
          {cluster.before.length} → {cluster.after.length} CA{cluster.after.length === 1 ? '' : 's'}
        </span>
      </td>
      <td className="py-2 pr-3">
        {cluster.findings.length === 0 ? (
          <span className="text-slate-700 dark:text-slate-300">None</span>
        ) : (
          <ul className="space-y-0.5 text-xs">
            {[...errors, ...others].map((finding, index) => (
              <li key={`${finding.id}-${index}`} data-testid="plan-finding" data-severity={finding.severity}>
                <Badge
                  tone={finding.severity === 'error' ? 'danger' : finding.severity === 'warning' ? 'warning' : 'info'}
                >
                  {finding.severity}
                </Badge>{' '}
                {finding.sha256 && (
                  <>
                    <PlanCertificate sha256={finding.sha256} certificates={certificates} />:{' '}
                  </>
                )}
                {finding.message}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="py-2 pr-3 text-right tabular-nums" data-testid="plan-nodes">
        {cluster.machinesReplaced}
      </td>
      <td className="py-2">
        {block ? (
          <span data-testid="plan-block">
            <Badge tone="warning">Blocked</Badge> <span className="text-sm">{block.message}</span>
          </span>
        ) : (
          <Badge tone="info">Will apply</Badge>
        )}
      </td>
    </tr>
  );
}
