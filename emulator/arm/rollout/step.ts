/**
 * The rollout simulator's step function: advances one operation by one step. Deterministic given `now` (mutates
 * the records it is given; no timers, no clock), so tests drive it directly.
 *
 * Status texts are only the recorded ones (azure-facts §13): `InProgress` → `ProvisioningControlPlane` →
 * `ReconcilingDNS` (through the whole node phase, see node-phase.ts) → `Succeeded` | `Failed` | `Canceled`.
 */
import { addMachine } from '../state/ids';
import type { ClusterRecord, OperationRecord } from '../state/types';
import { isTerminal } from '../state/types';
import { startNodePhase, stepNodePhase, stopNodePhase } from './node-phase';

export interface StepResult {
  /** The operation was a delete and has finished: the store removes the cluster. */
  removeCluster: boolean;
}

/** Finds another operation (an abort's target). */
export type OperationLookup = (id: string) => OperationRecord | undefined;

function applyCounts(cluster: ClusterRecord, now: number): void {
  cluster.pools.forEach((pool, index) => {
    if (pool.powerState !== 'Running' || cluster.powerState !== 'Running') return;
    while (pool.machines.length < pool.count) addMachine(pool, index, now);
    if (pool.machines.length > pool.count) pool.machines.splice(pool.count);
  });
}

function end(op: OperationRecord, status: 'Succeeded' | 'Failed' | 'Canceled', now: number): void {
  op.status = status;
  op.endTime = new Date(now).toISOString();
  delete op.canceling;
}

function finish(op: OperationRecord, cluster: ClusterRecord | undefined, now: number): void {
  end(op, 'Succeeded', now);
  delete op.pools;
  if (!cluster) return;
  cluster.provisioningState = 'Succeeded';
  cluster.currentKubernetesVersion = cluster.kubernetesVersion;
  for (const pool of cluster.pools) {
    if (pool.provisioningState === 'Updating' || pool.provisioningState === 'Creating')
      pool.provisioningState = 'Succeeded';
    pool.currentOrchestratorVersion = pool.orchestratorVersion;
  }
  delete cluster.activeOperationId;
}

/**
 * Fails the operation mid-way: cluster `Failed`, every pool still rolling `Failed` (pools already rolled stay
 * `Succeeded`), VMs mid-reimage or mid-creation `Failed`.
 */
export function failOperation(op: OperationRecord, cluster: ClusterRecord | undefined, now: number): void {
  const error = op.failure?.error ?? {
    code: 'InternalOperationError',
    message: 'The operation could not be completed.',
  };
  end(op, 'Failed', now);
  op.error = error;
  if (!cluster) return;
  stopNodePhase(op, cluster, 'Failed');
  cluster.provisioningState = 'Failed';
  for (const pool of cluster.pools) {
    if (pool.provisioningState === 'Updating' || pool.provisioningState === 'Creating') {
      pool.provisioningState = 'Failed';
      pool.provisioningError = error;
    }
  }
  delete cluster.activeOperationId;
}

/** The end of an abort: the operation `Canceled`; cluster and the pools it touched `Canceled`; VMs in flight finish. */
export function cancelOperation(op: OperationRecord, cluster: ClusterRecord | undefined, now: number): void {
  end(op, 'Canceled', now);
  // Invented (azure-facts U10): no recorded error of a canceled AKS operation.
  op.error = { code: 'OperationCanceled', message: 'The operation was canceled by an abort request.' };
  if (!cluster) return;
  stopNodePhase(op, cluster, 'Succeeded');
  cluster.provisioningState = 'Canceled';
  for (const pool of cluster.pools) {
    if (pool.provisioningState === 'Updating' || pool.provisioningState === 'Creating')
      pool.provisioningState = 'Canceled';
  }
  delete cluster.activeOperationId;
}

export function stepOperation(
  op: OperationRecord,
  cluster: ClusterRecord | undefined,
  now: number,
  msPerBatch: number,
  lookup: OperationLookup = () => undefined,
): StepResult {
  const result: StepResult = { removeCluster: false };
  if (isTerminal(op.status)) return result;
  op.nextStepAt = now + msPerBatch * (op.paceFactor ?? 1);
  if (op.canceling) return result; // frozen until its abort ends it
  const phase = op.phases[op.phaseIndex];
  if (!phase || !cluster) {
    if (op.failure && cluster && op.kind === 'update' && op.batchesDone > 0) failOperation(op, cluster, now);
    else finish(op, cluster, now);
    return result;
  }
  switch (phase.kind) {
    case 'status':
      op.status = phase.text;
      op.phaseIndex += 1;
      break;
    case 'applyCounts':
      applyCounts(cluster, now);
      op.phaseIndex += 1;
      return op.phaseIndex < op.phases.length ? stepOperation(op, cluster, now, msPerBatch, lookup) : result;
    case 'finishCreate':
      applyCounts(cluster, now);
      op.status = 'ReconcilingDNS';
      op.phaseIndex += 1;
      break;
    case 'delete':
      finish(op, undefined, now);
      result.removeCluster = true;
      return result;
    case 'cancel': {
      const target = lookup(phase.target);
      if (target && !isTerminal(target.status)) cancelOperation(target, cluster, now);
      finish(op, undefined, now);
      return result;
    }
    case 'nodes': {
      if (!op.pools) {
        op.status = 'ReconcilingDNS';
        startNodePhase(op, cluster, phase.pools, phase.reconcile === true);
        break;
      }
      if (stepNodePhase(op, cluster, now)) op.phaseIndex += 1;
      op.batchesDone += 1;
      if (op.failure && op.batchesDone >= op.failure.afterBatches) failOperation(op, cluster, now);
      break;
    }
  }
  return result;
}
