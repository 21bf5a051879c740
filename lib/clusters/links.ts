/** The cluster page and the rollout view, with the tenant whose token reads them. Pure. */
import type { ClusterRef } from '../azure/resource-names';

function clusterPath({ subscriptionId, resourceGroup, name }: ClusterRef): string {
  return `/clusters/${subscriptionId}/${encodeURIComponent(resourceGroup)}/${encodeURIComponent(name)}`;
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.size > 0 ? `${path}?${params}` : path;
}

export function clusterPageHref(cluster: ClusterRef, tenantId?: string): string {
  return withQuery(clusterPath(cluster), { tenant: tenantId });
}

/** Without a handle the rollout view still shows the cluster's own state. */
export function rolloutHref(cluster: ClusterRef, tenantId?: string, encodedHandle?: string): string {
  return withQuery(`${clusterPath(cluster)}/rollout`, { h: encodedHandle, tenant: tenantId });
}
