import type { ClusterRow } from '@/lib/inventory/cluster-row';

export function clusterHref(row: Pick<ClusterRow, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/clusters/${row.subscriptionId}/${encodeURIComponent(row.resourceGroup)}/${encodeURIComponent(row.name)}`;
}
