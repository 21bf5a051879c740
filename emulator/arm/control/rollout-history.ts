/**
 * `GET /_emulator/rollouts/history` (CONTROL.md): every CA rollout the store still holds — an update with a node
 * phase — with its cluster and its start and end (emulator clock), so a test can compute how many ran at once.
 * Reads the store only.
 */
import type { ArmContext } from '../context';
import type { OperationView } from '../state/types';

const isRollout = (op: OperationView) => op.kind === 'update' && op.phases.some((phase) => phase.kind === 'nodes');

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
