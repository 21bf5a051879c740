/**
 * Progress of one agent pool, from the machine names seen before the change (the "old" machines the rollout
 * replaces) and the names ARM lists now. Stable machines carry no status (azure-facts §2), so churn of names is
 * the signal: old names vanish, new names appear (surge first, then replacements).
 */
import type { PoolSnapshot } from './snapshot';

export type PoolStage =
  /** Will be rolled, nothing has moved yet. */
  | 'waiting'
  | 'replacing'
  | 'done'
  | 'failed'
  | 'canceled'
  /** Windows or non-VMSS pools: a CA change does not reimage them. */
  | 'not-rolled';

export interface PoolProgress {
  name: string;
  osType: string;
  provisioningState: string;
  stage: PoolStage;
  /** Old machines this pool must replace (those seen before the change). */
  total: number;
  /** Old machines no longer listed. A scale-down during the rollout also makes old machines go. */
  replaced: number;
  oldRemaining: string[];
  /** Machines listed now that were not there before: surge and replacements. */
  newMachines: string[];
  /** Machines above the target count right now. */
  surge: number;
  /** Target count now, and the change since the rollout started (autoscaler or a scale during the rollout). */
  count: number;
  countChange: number;
  machineCount: number;
  machinesReadAt: string | null;
}

/** Pools whose nodes a CA change reimages (azure-facts §1): Linux VMSS pools. */
export function rollsOnCaChange(pool: Pick<PoolSnapshot, 'osType' | 'type'>): boolean {
  return pool.osType.toLowerCase() === 'linux' && pool.type.toLowerCase() === 'virtualmachinescalesets';
}

export interface PoolContext {
  /** The operation has ended with this result (null while it runs or when its status is unknown). */
  terminal: 'Succeeded' | 'Failed' | 'Canceled' | null;
  /** The pool the operation's text says is being replaced now. */
  currentPool: string | null;
}

export function poolProgress(pool: PoolSnapshot, before: readonly string[] | undefined, context: PoolContext): PoolProgress {
  const machines = pool.machines ?? [];
  const baseline = before ?? [];
  const listed = new Set(machines);
  const old = new Set(baseline);
  const oldRemaining = baseline.filter((name) => listed.has(name));
  const newMachines = machines.filter((name) => !old.has(name));
  const replaced = pool.machines === null ? 0 : baseline.length - oldRemaining.length;
  const surge = Math.max(0, machines.length - pool.count);
  const base = {
    name: pool.name,
    osType: pool.osType,
    provisioningState: pool.provisioningState,
    total: baseline.length,
    replaced,
    oldRemaining,
    newMachines,
    surge,
    count: pool.count,
    countChange: before ? pool.count - baseline.length : 0,
    machineCount: machines.length,
    machinesReadAt: pool.machinesReadAt,
  };
  return { ...base, stage: poolStage(pool, base, context) };
}

function poolStage(pool: PoolSnapshot, progress: Pick<PoolProgress, 'total' | 'replaced' | 'surge'>, context: PoolContext): PoolStage {
  if (!rollsOnCaChange(pool)) return 'not-rolled';
  const state = pool.provisioningState.toLowerCase();
  if (state === 'failed') return 'failed';
  if (state === 'canceled' || state === 'canceling') return 'canceled';
  // Rolled pools go Updating when the change is accepted and back to Succeeded when their last batch is done.
  if (state === 'succeeded') return 'done';
  const allReplaced = progress.total > 0 && progress.replaced >= progress.total && progress.surge === 0;
  if (allReplaced) return 'done';
  // New names alone are not movement: an autoscaler adds new machines to a pool that waits its turn.
  const moved = progress.replaced > 0 || progress.surge > 0 || context.currentPool === pool.name;
  return moved ? 'replacing' : 'waiting';
}
