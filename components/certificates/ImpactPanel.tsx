import { finishRolloutImpact, type ApplyIntent } from '@/lib/clusters/apply-intent';
import type { ChangeImpact } from '@/lib/clusters/impact';
import { ColumnHeaders } from '@/components/ui/ColumnHeaders';

/**
 * What applying costs: the Linux pools AKS reimages (with their surge), pools left out, and what pods see. Applying
 * the same list again to finish a rollout replaces only the nodes not yet renewed: the counts are upper bounds.
 */
export function ImpactPanel({ impact, intent = { kind: 'change' } }: { impact: ChangeImpact; intent?: ApplyIntent }) {
  const finishing = intent.kind === 'finish-rollout';
  const windows = impact.skipped.filter((pool) => pool.reason === 'windows');
  const other = impact.skipped.filter((pool) => pool.reason === 'not-vmss');
  return (
    <div className="space-y-3 text-sm" data-testid="impact">
      {finishing ? (
        <p data-testid="impact-summary" data-intent="finish-rollout">
          {finishRolloutImpact(impact.machinesReplaced)}
        </p>
      ) : (
        <p data-testid="impact-summary">
          AKS will replace{' '}
          <strong>
            {impact.machinesReplaced} node{impact.machinesReplaced === 1 ? '' : 's'}
          </strong>{' '}
          in {impact.replaced.length} Linux node pool
          {impact.replaced.length === 1 ? '' : 's'}: it adds surge nodes, drains and reimages every node, then removes
          the surge nodes.
        </p>
      )}
      {impact.replaced.length > 0 && (
        <table className="text-left">
          <caption className="sr-only">
            {finishing
              ? 'Linux node pools whose nodes not yet renewed will be replaced'
              : 'Linux node pools that will be replaced'}
          </caption>
          <ColumnHeaders
            gap="pr-4"
            columns={[
              { label: 'Pool' },
              { label: 'Mode' },
              { label: finishing ? 'Nodes (at most replaced)' : 'Nodes replaced' },
              { label: 'Max surge' },
              { label: 'Extra nodes at a time' },
            ]}
          />
          <tbody>
            {impact.replaced.map((pool) => (
              <tr key={pool.name} data-testid="impact-pool" data-pool={pool.name}>
                <th scope="row" className="pr-4 font-medium">
                  {pool.name}
                </th>
                <td className="pr-4">{pool.mode}</td>
                <td className="pr-4">{pool.count}</td>
                <td className="pr-4">{pool.maxSurge}</td>
                <td>{pool.surgeMachines}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {windows.length > 0 && (
        <p data-testid="impact-windows" className="rounded border border-amber-700 p-2 dark:border-amber-400">
          <strong>Windows pools do not receive custom CAs:</strong>{' '}
          {windows.map((pool) => `${pool.name} (${pool.count} node${pool.count === 1 ? '' : 's'})`).join(', ')}. AKS
          does not support them there; install the CAs on those nodes another way.
        </p>
      )}
      {other.length > 0 && (
        <p>
          Not VM scale set pools, not reimaged by this change:{' '}
          {other.map((pool) => `${pool.name} (${pool.type})`).join(', ')}.
        </p>
      )}
      <p data-testid="impact-pods">
        <strong>Pods do not see these CAs.</strong> They go into the nodes&apos; trust store only (kubelet, containerd
        pulling images). Workloads that need them must mount them themselves.
      </p>
    </div>
  );
}
