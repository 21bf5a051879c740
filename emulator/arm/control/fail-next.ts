/**
 * fail-next's cluster filter and the rollout history (control API, issue 12): which pending failure a CA rollout of
 * a given cluster takes, and every CA rollout the store still holds with its start and end (emulator clock), so a
 * test can compute how many ran at once. Reads the store only; the route and the simulator write.
 */
import type { ArmContext } from '../context';
import type { ClusterRecord, OperationRecord } from '../state/types';

export interface FailNextClusterFilter {
  /** Lower-cased; all present = one cluster; only `name` = any cluster of that name. */
  subscriptionId?: string;
  resourceGroup?: string;
  name: string;
}

const same = (a: string | undefined, b: string) => a === undefined || a.toLowerCase() === b.toLowerCase();

/** The pending fail-next if it is for this cluster (no filter: any cluster), else undefined. */
export function failNextFor(
  ctx: ArmContext,
  cluster: Pick<ClusterRecord, 'subscriptionId' | 'resourceGroup' | 'name'>,
) {
  const pending = ctx.failNext;
  if (!pending) return undefined;
  const filter = pending.cluster;
  if (
    filter &&
    !(
      same(filter.subscriptionId, cluster.subscriptionId) &&
      same(filter.resourceGroup, cluster.resourceGroup) &&
      same(filter.name, cluster.name)
    )
  )
    return undefined;
  return pending;
}

/** An operation that rolled nodes (a CA change or a reconciliation): the only updates with a node phase. */
const isRollout = (op: OperationRecord) => op.kind === 'update' && op.phases.some((phase) => phase.kind === 'nodes');

export function rolloutHistory(ctx: ArmContext) {
  return ctx.store.state.operations.filter(isRollout).map((op) => ({
    operationId: op.id,
    /** Lower-cased cluster resource id. */
    clusterId: op.clusterKey,
    status: op.status,
    startTime: op.startTime,
    endTime: op.endTime ?? null,
  }));
}
