/** The cluster page and the rollout view, with the tenant whose token reads them. Pure. */
import type { ClusterRef } from './types';

function clusterPath({ subscriptionId, resourceGroup, name }: ClusterRef): string {
  return `/clusters/${subscriptionId}/${encodeURIComponent(resourceGroup)}/${encodeURIComponent(name)}`;
}

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.size > 0 ? `${path}?${params}` : path;
}

export function clusterPageHref(cluster: ClusterRef, tenantId?: string): string {
  return withQuery(clusterPath(cluster), { tenant: tenantId });
}

/** Which rollout a link is about: ARM's operation id (when ARM gave an operation URL) and when it started. */
export interface RolloutLinkTarget {
  operationId?: string | null;
  since?: string | null;
}

/**
 * The rollout view: `/clusters/{sub}/{rg}/{name}/rollout?op={operationId}&since={ISO}[&tenant=]`. Short at every
 * cluster size: it carries only what anyone with read access can use. Without a target (the inventory's link to
 * an Updating cluster, a change started with az) the view tracks from the cluster's own state.
 */
export function rolloutHref(cluster: ClusterRef, tenantId?: string, rollout?: RolloutLinkTarget): string {
  return withQuery(`${clusterPath(cluster)}/rollout`, {
    op: rollout?.operationId,
    since: rollout?.since,
    tenant: tenantId,
  });
}
