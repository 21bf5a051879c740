/** Finding the cluster a request names, after the access check, with ARM's 404s. */
import type { Principal } from '../../contract';
import type { ArmContext } from '../context';
import { authorize } from '../http/access';
import { ArmError, messages, notFoundCluster } from '../http/errors';
import type { Params } from '../http/router';
import { clusterIdOf, resourceGroupId } from '../state/ids';
import type { ClusterView, PoolView } from '../state/types';

export const ACTIONS = {
  clusterRead: 'Microsoft.ContainerService/managedClusters/read',
  clusterWrite: 'Microsoft.ContainerService/managedClusters/write',
  clusterDelete: 'Microsoft.ContainerService/managedClusters/delete',
  clusterAbort: 'Microsoft.ContainerService/managedClusters/abort/action',
  poolRead: 'Microsoft.ContainerService/managedClusters/agentPools/read',
  machineRead: 'Microsoft.ContainerService/managedClusters/agentPools/machines/read',
  operationRead: 'Microsoft.ContainerService/locations/operations/read',
} as const;

export function requireResourceGroup(ctx: ArmContext, sub: string, rg: string): void {
  if (!ctx.store.resourceGroup(sub, rg))
    throw new ArmError(404, 'ResourceGroupNotFound', messages.resourceGroupNotFound(rg));
}

/** The cluster at `p.sub/p.rg/p.name` (checked for `action` at the cluster scope), or undefined if absent. */
export function lookupCluster(
  ctx: ArmContext,
  principal: Principal,
  p: Params,
  action: string,
  write = false,
): { scope: string; cluster: ClusterView | undefined } {
  const scope = clusterIdOf(p.sub!, p.rg!, p.name!);
  authorize(ctx, principal, { subscriptionId: p.sub!, scope, action, write });
  requireResourceGroup(ctx, p.sub!, p.rg!);
  return { scope, cluster: ctx.store.cluster(p.sub!, p.rg!, p.name!) };
}

export function requireCluster(ctx: ArmContext, principal: Principal, p: Params, action: string): ClusterView {
  const { cluster } = lookupCluster(ctx, principal, p, action);
  if (!cluster) throw notFoundCluster(p.name!, p.rg!);
  return cluster;
}

export function requirePool(cluster: ClusterView, name: string): PoolView {
  const pool = cluster.pools.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!pool) {
    throw new ArmError(404, 'NotFound', messages.agentPoolNotFound(name), { 'x-ms-failure-cause': 'service' });
  }
  return pool;
}

export function resourceGroupScope(sub: string, rg: string): string {
  return resourceGroupId(sub, rg);
}
