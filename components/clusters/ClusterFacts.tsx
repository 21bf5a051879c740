import type { ClusterSummary } from '@/lib/clusters/types';
import { ProvisioningState } from './ProvisioningState';
import { SubscriptionName } from './SubscriptionName';
import { ColumnHeaders } from '@/components/ui/ColumnHeaders';

/** The cluster's facts and its node pools: what a CA change touches. */
export function ClusterFacts({ cluster, tenantId }: { cluster: ClusterSummary; tenantId?: string }) {
  return (
    <div className="space-y-4">
      <dl
        className="grid max-w-3xl grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1 text-sm"
        aria-label="Cluster facts"
      >
        <dt className="font-medium">State</dt>
        <dd data-testid="cluster-state">
          <ProvisioningState state={cluster.provisioningState} powerState={cluster.powerState} />
        </dd>
        <dt className="font-medium">Kubernetes version</dt>
        <dd>{cluster.kubernetesVersion}</dd>
        <dt className="font-medium">Location</dt>
        <dd>{cluster.location}</dd>
        <dt className="font-medium">Resource group</dt>
        <dd>{cluster.resourceGroup}</dd>
        <dt className="font-medium">Subscription</dt>
        <dd>
          <SubscriptionName subscriptionId={cluster.subscriptionId} tenantId={tenantId} />
        </dd>
      </dl>
      {/* A narrow screen scrolls the table inside its own box, never the page. */}
      <div
        className="max-w-4xl overflow-x-auto"
        data-testid="agent-pools-scroll"
        role="region"
        aria-label="Node pools (scrolls sideways on a narrow screen)"
        tabIndex={0}
      >
        <table className="min-w-full text-left text-sm" data-testid="agent-pools">
          <caption className="text-left font-semibold">Node pools</caption>
          <ColumnHeaders
            rowClassName="border-b border-slate-200 dark:border-slate-800"
            cellClassName="py-1"
            gap="pr-4"
            columns={[
              { label: 'Pool' },
              { label: 'OS' },
              { label: 'Mode' },
              { label: 'Nodes' },
              { label: 'Max surge' },
              { label: 'VM size' },
              { label: 'State' },
            ]}
          />
          <tbody>
            {cluster.agentPools.map((pool) => (
              <tr
                key={pool.name}
                className="border-b border-slate-100 dark:border-slate-900"
                data-testid="agent-pool"
                data-pool={pool.name}
              >
                <th scope="row" className="py-1 pr-4 font-medium">
                  {pool.name}
                </th>
                <td className="py-1 pr-4">
                  {pool.osType}
                  {pool.osSku ? ` (${pool.osSku})` : ''}
                </td>
                <td className="py-1 pr-4">{pool.mode}</td>
                <td className="py-1 pr-4">{pool.count}</td>
                <td className="py-1 pr-4">{pool.maxSurge}</td>
                <td className="py-1 pr-4">{pool.vmSize}</td>
                <td className="py-1">
                  <ProvisioningState state={pool.provisioningState} powerState={pool.powerState} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
