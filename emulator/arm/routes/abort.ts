/** POST {cluster}/abort (azure-facts U10): cancels the running operation at once; 204 + Azure-AsyncOperation. */
import { randomUUID } from 'node:crypto';
import type { ArmContext } from '../context';
import { ArmError, notFoundCluster } from '../http/errors';
import type { Router } from '../http/router';
import { operationUrlsFor } from '../operations/issue';
import { cancelOperation } from '../rollout/step';
import { clusterId } from '../state/ids';
import type { OperationRecord } from '../state/types';
import { CLUSTER_PATH } from './clusterRead';
import { ACTIONS, lookupCluster } from './lookup';

export function abortRoutes(router: Router, ctx: ArmContext): void {
  router.on('POST', `${CLUSTER_PATH}/abort`, (c, p) => {
    const { cluster } = lookupCluster(ctx, c.get('principal'), p, ACTIONS.clusterAbort, true);
    if (!cluster) throw notFoundCluster(p.name!, p.rg!);
    const running = cluster.activeOperationId ? ctx.store.operation(cluster.activeOperationId) : undefined;
    if (!running) {
      // Invented text: no real one is known.
      throw new ArmError(409, 'OperationNotAllowed', `There is no operation in progress on managed cluster '${cluster.name}' to abort.`);
    }
    const now = ctx.clock.now();
    cancelOperation(running, cluster, now);
    const abort: OperationRecord = {
      id: randomUUID(),
      subscriptionId: cluster.subscriptionId,
      location: cluster.location,
      clusterKey: clusterId(cluster).toLowerCase(),
      kind: 'update' as const,
      status: 'Succeeded',
      startTime: new Date(now).toISOString(),
      endTime: new Date(now).toISOString(),
      phases: [],
      phaseIndex: 0,
      batchesDone: 0,
      nextStepAt: now,
    };
    ctx.store.addOperation(abort);
    ctx.store.changed();
    c.header('Azure-AsyncOperation', operationUrlsFor(ctx, abort, c.get('principal')).asyncOperation);
    return c.body(null, 204);
  });
}
