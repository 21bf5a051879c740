/**
 * The rollout simulator's step function: advances one operation by one batch. Deterministic given `now`
 * (mutates the records it is given; no timers, no clock), so tests drive it directly.
 *
 * Per rolled pool with `n` machines and surge `s`: first `s` surge machines appear under new names; then each
 * batch drains and removes up to `s` old machines and adds as many new ones as are still needed, so the pool
 * ends with `n` machines, all new. Status texts never contain "succeeded" or "fail" before the end.
 */
import { addMachine } from '../state/ids';
import type { ClusterRecord, OperationRecord, PoolRecord } from '../state/types';
import { isTerminal } from '../state/types';
import { surgeCount } from './surge';

export interface StepResult {
  /** The operation was a delete and has finished: the caller removes the cluster. */
  removeCluster: boolean;
}

function poolIndex(cluster: ClusterRecord, pool: PoolRecord): number {
  return cluster.pools.indexOf(pool);
}

function applyCounts(cluster: ClusterRecord): void {
  for (const pool of cluster.pools) {
    if (pool.powerState !== 'Running' || cluster.powerState !== 'Running') continue;
    while (pool.machines.length < pool.count) addMachine(pool, poolIndex(cluster, pool));
    if (pool.machines.length > pool.count) pool.machines.splice(pool.count);
  }
}

function finish(op: OperationRecord, cluster: ClusterRecord | undefined, now: number): void {
  op.status = 'Succeeded';
  op.endTime = new Date(now).toISOString();
  delete op.progress;
  if (!cluster) return;
  cluster.provisioningState = 'Succeeded';
  cluster.currentKubernetesVersion = cluster.kubernetesVersion;
  for (const pool of cluster.pools) {
    if (pool.provisioningState === 'Updating' || pool.provisioningState === 'Creating') pool.provisioningState = 'Succeeded';
    pool.currentOrchestratorVersion = pool.orchestratorVersion;
  }
  delete cluster.activeOperationId;
}

/** Fails the operation mid-way: cluster and current pool `Failed`; pools not yet rolled `Failed` too; finished pools stay. */
export function failOperation(op: OperationRecord, cluster: ClusterRecord | undefined, now: number): void {
  const error = op.failure?.error ?? { code: 'InternalOperationError', message: 'The operation could not be completed.' };
  op.status = 'Failed';
  op.endTime = new Date(now).toISOString();
  op.error = error;
  delete op.progress;
  if (!cluster) return;
  cluster.provisioningState = 'Failed';
  for (const pool of cluster.pools) {
    if (pool.provisioningState === 'Updating' || pool.provisioningState === 'Creating') {
      pool.provisioningState = 'Failed';
      pool.provisioningError = error;
    }
  }
  delete cluster.activeOperationId;
}

/** One batch of a pool roll; returns true when the pool is done. */
function rollBatch(op: OperationRecord, cluster: ClusterRecord, pool: PoolRecord): boolean {
  if (!op.progress || op.progress.pool !== pool.name) {
    const oldMachines = pool.machines.map((m) => m.name);
    if (oldMachines.length === 0) {
      pool.provisioningState = 'Succeeded';
      return true;
    }
    op.progress = {
      pool: pool.name,
      surge: surgeCount(oldMachines.length, pool.upgradeSettings.maxSurge),
      total: oldMachines.length,
      oldMachines,
      replaced: 0,
      surged: false,
    };
  }
  const progress = op.progress;
  const index = poolIndex(cluster, pool);
  if (!progress.surged) {
    for (let i = 0; i < progress.surge; i++) addMachine(pool, index);
    progress.surged = true;
  } else {
    const batch = progress.oldMachines.splice(0, progress.surge);
    const removing = new Set(batch);
    pool.machines = pool.machines.filter((m) => !removing.has(m.name));
    progress.replaced += batch.length;
    const stillNeeded = Math.min(batch.length, progress.oldMachines.length);
    for (let i = 0; i < stillNeeded; i++) addMachine(pool, index);
  }
  op.batchesDone += 1;
  if (progress.oldMachines.length > 0) return false;
  pool.provisioningState = 'Succeeded';
  delete op.progress;
  return true;
}

export function stepOperation(op: OperationRecord, cluster: ClusterRecord | undefined, now: number, msPerBatch: number): StepResult {
  const result: StepResult = { removeCluster: false };
  if (isTerminal(op.status)) return result;
  op.nextStepAt = now + msPerBatch * (op.paceFactor ?? 1);
  const phase = op.phases[op.phaseIndex];
  if (!phase || !cluster) {
    if (op.failure && cluster) failOperation(op, cluster, now);
    else finish(op, cluster, now);
    return result;
  }
  switch (phase.kind) {
    case 'status':
      op.status = phase.text;
      op.phaseIndex += 1;
      break;
    case 'applyCounts':
      applyCounts(cluster);
      op.phaseIndex += 1;
      return op.phaseIndex < op.phases.length ? stepOperation(op, cluster, now, msPerBatch) : result;
    case 'finishCreate': {
      applyCounts(cluster);
      op.status = 'ReconcilingDNS';
      op.phaseIndex += 1;
      break;
    }
    case 'delete':
      finish(op, undefined, now);
      result.removeCluster = true;
      return result;
    case 'rollPool': {
      const pool = cluster.pools.find((p) => p.name === phase.pool);
      if (!pool || rollBatch(op, cluster, pool)) op.phaseIndex += 1;
      if (op.failure && op.batchesDone >= op.failure.afterBatches && op.batchesDone > 0) {
        if (op.progress) {
          const failing = cluster.pools.find((p) => p.name === op.progress!.pool);
          if (failing) failing.provisioningState = 'Updating';
        }
        failOperation(op, cluster, now);
      }
      break;
    }
  }
  return result;
}

/** Abort (azure-facts U10): the running operation ends `Canceled`; cluster and the pools it touched `Canceled`. */
export function cancelOperation(op: OperationRecord, cluster: ClusterRecord | undefined, now: number): void {
  op.status = 'Canceled';
  op.endTime = new Date(now).toISOString();
  op.error = { code: 'OperationCanceled', message: 'The operation was canceled by an abort request.' };
  delete op.progress;
  if (!cluster) return;
  cluster.provisioningState = 'Canceled';
  for (const pool of cluster.pools) {
    if (pool.provisioningState === 'Updating' || pool.provisioningState === 'Creating') pool.provisioningState = 'Canceled';
  }
  delete cluster.activeOperationId;
}
