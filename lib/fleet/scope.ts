/** Scopes ("these tenants, this subscription, names like web") and who in a scope does not trust a CA. Pure. */
import { compareClusters } from './ca-index';
import type { FleetCa, FleetClusterRef, FleetScope } from './types';

export function inScope(cluster: FleetClusterRef, scope: FleetScope): boolean {
  if (scope.tenantId && cluster.tenantId.toLowerCase() !== scope.tenantId.toLowerCase()) return false;
  if (scope.subscriptionId && cluster.subscriptionId.toLowerCase() !== scope.subscriptionId.toLowerCase()) return false;
  const name = scope.name?.trim().toLowerCase();
  if (name && !cluster.name.toLowerCase().includes(name) && !cluster.resourceGroup.toLowerCase().includes(name))
    return false;
  return true;
}

/** The clusters in scope that trust the CA, and those that do not (each sorted by tenant, subscription, name). */
export function trustInScope<C extends FleetClusterRef>(
  ca: Pick<FleetCa, 'clusters'>,
  clusters: readonly C[],
  scope: FleetScope,
): { trusting: C[]; notTrusting: C[] } {
  const trustingIds = new Set(ca.clusters.map((cluster) => cluster.id.toLowerCase()));
  const trusting: C[] = [];
  const notTrusting: C[] = [];
  for (const cluster of clusters) {
    if (!inScope(cluster, scope)) continue;
    (trustingIds.has(cluster.id.toLowerCase()) ? trusting : notTrusting).push(cluster);
  }
  return { trusting: trusting.sort(compareClusters), notTrusting: notTrusting.sort(compareClusters) };
}

/** A scope from URL parameters (`tenant`, `subscription`, `cluster`); unknown or empty values are left out. */
export function scopeFromParams(params: URLSearchParams): FleetScope {
  const scope: FleetScope = {};
  const tenantId = params.get('tenant')?.trim();
  const subscriptionId = params.get('subscription')?.trim();
  const name = params.get('cluster')?.trim();
  if (tenantId) scope.tenantId = tenantId;
  if (subscriptionId) scope.subscriptionId = subscriptionId;
  if (name) scope.name = name.slice(0, 200);
  return scope;
}

export function scopeToParams(scope: FleetScope, params = new URLSearchParams()): URLSearchParams {
  const set = (key: string, value: string | undefined) => (value ? params.set(key, value) : params.delete(key));
  set('tenant', scope.tenantId);
  set('subscription', scope.subscriptionId);
  set('cluster', scope.name?.trim());
  return params;
}
