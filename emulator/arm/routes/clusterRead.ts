/** Reads: managedClusters list (per subscription, per resource group) and get, agentPools, machines. */
import type { ArmContext } from '../context';
import { authorize } from '../http/access';
import { ArmError, messages } from '../http/errors';
import { paged } from '../http/paging';
import { json } from '../http/respond';
import type { Router } from '../http/router';
import { assignmentsFor, isWithin, roleAt } from '../http/rbac';
import { clusterId, subscriptionPath } from '../state/ids';
import { wireAgentPool, wireCluster, wireMachine } from '../wire/cluster';
import { ACTIONS, requireCluster, requirePool, requireResourceGroup, resourceGroupScope } from './lookup';

const CLUSTERS = 'providers/Microsoft.ContainerService/managedClusters';
export const CLUSTER_PATH = `/subscriptions/:sub/resourceGroups/:rg/${CLUSTERS}/:name`;

export function clusterReadRoutes(router: Router, ctx: ArmContext): void {
  const wire = () => ({ eTags: ctx.settings.eTags });

  // ARM filters a subscription-wide list by what the caller may read (a role on the subscription or on the
  // cluster's resource group or the cluster); a caller without any role in the subscription gets 403.
  router.on('GET', `/subscriptions/:sub/${CLUSTERS}`, (c, p) => {
    const principal = c.get('principal');
    const scope = subscriptionPath(p.sub!);
    const assignments = assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments);
    authorize(ctx, principal, {
      subscriptionId: p.sub!,
      scope,
      action: ACTIONS.clusterRead,
      anyRoleInSubscription: true,
    });
    // Only assignments at or below this subscription, or above it, can apply (a fleet's owner holds hundreds).
    const relevant = assignments.filter((a) => isWithin(scope, a.scope) || isWithin(a.scope, scope));
    const readable = ctx.store.clustersIn(p.sub!).filter((cl) => roleAt(relevant, clusterId(cl)) !== undefined);
    return json(
      c,
      200,
      paged(c, ctx, readable, (cl) => wireCluster(cl, wire())),
    );
  });

  router.on('GET', `/subscriptions/:sub/resourceGroups/:rg/${CLUSTERS}`, (c, p) => {
    const scope = resourceGroupScope(p.sub!, p.rg!);
    authorize(ctx, c.get('principal'), { subscriptionId: p.sub!, scope, action: ACTIONS.clusterRead });
    requireResourceGroup(ctx, p.sub!, p.rg!);
    return json(
      c,
      200,
      paged(c, ctx, ctx.store.clustersIn(p.sub!, p.rg!), (cl) => wireCluster(cl, wire())),
    );
  });

  router.on('GET', CLUSTER_PATH, (c, p) => {
    const cluster = requireCluster(ctx, c.get('principal'), p, ACTIONS.clusterRead);
    return json(c, 200, wireCluster(cluster, wire()));
  });

  router.on('GET', `${CLUSTER_PATH}/agentPools`, (c, p) => {
    const cluster = requireCluster(ctx, c.get('principal'), p, ACTIONS.poolRead);
    return json(
      c,
      200,
      paged(c, ctx, cluster.pools, (pool) => wireAgentPool(cluster, pool, wire())),
    );
  });

  router.on('GET', `${CLUSTER_PATH}/agentPools/:pool`, (c, p) => {
    const cluster = requireCluster(ctx, c.get('principal'), p, ACTIONS.poolRead);
    return json(c, 200, wireAgentPool(cluster, requirePool(cluster, p.pool!), wire()));
  });

  router.on('GET', `${CLUSTER_PATH}/agentPools/:pool/machines`, (c, p) => {
    const cluster = requireCluster(ctx, c.get('principal'), p, ACTIONS.machineRead);
    const pool = requirePool(cluster, p.pool!);
    return json(
      c,
      200,
      paged(c, ctx, pool.machines, (m) => wireMachine(cluster, pool, m), ctx.settings.machinePageSize),
    );
  });

  router.on('GET', `${CLUSTER_PATH}/agentPools/:pool/machines/:machine`, (c, p) => {
    const cluster = requireCluster(ctx, c.get('principal'), p, ACTIONS.machineRead);
    const pool = requirePool(cluster, p.pool!);
    const machine = pool.machines.find((m) => m.name.toLowerCase() === p.machine!.toLowerCase());
    if (!machine) throw new ArmError(404, 'NotFound', messages.machineNotFound(p.machine!, pool.name));
    return json(c, 200, wireMachine(cluster, pool, machine));
  });
}
