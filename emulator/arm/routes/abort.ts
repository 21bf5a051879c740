/**
 * POST {cluster}/abort (azure-facts §13): 202 with Azure-AsyncOperation and Location; the cluster goes `Canceling`,
 * one batch interval later the running operation ends `Canceled` (cluster `Canceled`) and the abort `Succeeded`.
 */
import type { ArmContext } from '../context';
import { ArmError, notFoundCluster } from '../http/errors';
import type { Router } from '../http/router';
import { operationUrlsFor } from '../operations/issue';
import { startAbort } from '../rollout/plan';
import { CLUSTER_PATH } from './clusterRead';
import { ACTIONS, lookupCluster } from './lookup';

export function abortRoutes(router: Router, ctx: ArmContext): void {
  router.on('POST', `${CLUSTER_PATH}/abort`, (c, p) => {
    const { cluster } = lookupCluster(ctx, c.get('principal'), p, ACTIONS.clusterAbort, true);
    if (!cluster) throw notFoundCluster(p.name!, p.rg!);
    const running = cluster.activeOperationId ? ctx.store.operation(cluster.activeOperationId) : undefined;
    if (!running || running.canceling) {
      // Invented text: no real one is known.
      throw new ArmError(
        409,
        'OperationNotAllowed',
        `There is no operation in progress on managed cluster '${cluster.name}' to abort.`,
      );
    }
    const options = { now: ctx.clock.now(), msPerBatch: ctx.simulator.msPerBatch };
    const abort = ctx.store.abortOperation(cluster, running, (stored, target) => startAbort(stored, target, options));
    ctx.simulator.schedule();
    const urls = operationUrlsFor(ctx, abort, c.get('principal'));
    c.header('Azure-AsyncOperation', urls.asyncOperation);
    c.header('Location', urls.location);
    return c.body(null, 202);
  });
}
