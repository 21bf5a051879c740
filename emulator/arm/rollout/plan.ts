/** Starting operations: the plan of phases and the states a PUT/DELETE moves cluster and pools to. */
import { randomUUID } from 'node:crypto';
import { clusterId } from '../state/ids';
import type { ClusterRecord, ClusterView, OperationPhase, OperationRecord, RolloutFailure } from '../state/types';

import { rollsOnCaChange } from './plan-pools';
import { poolsBehind } from './reconcile';

export { rollsOnCaChange };

export interface StartOptions {
  now: number;
  msPerBatch: number;
  failure?: RolloutFailure;
  id?: string;
}

function newOperation(
  cluster: ClusterView,
  kind: OperationRecord['kind'],
  phases: OperationPhase[],
  options: StartOptions,
): OperationRecord {
  return {
    id: options.id ?? randomUUID(),
    subscriptionId: cluster.subscriptionId,
    location: cluster.location,
    clusterKey: clusterId(cluster).toLowerCase(),
    kind,
    status: 'InProgress',
    startTime: new Date(options.now).toISOString(),
    phases,
    phaseIndex: 0,
    batchesDone: 0,
    nextStepAt: options.now + options.msPerBatch,
    ...(options.failure ? { failure: options.failure } : {}),
  };
}

/** What an update rolls: every Linux VMSS pool on a CA change; else the pools with VMs behind their model (reconcile). */
export interface UpdatePlan {
  pools: string[];
  reconcile: boolean;
}

export function planUpdate(cluster: ClusterView, caChanged: boolean): UpdatePlan {
  if (caChanged) return { pools: cluster.pools.filter(rollsOnCaChange).map((pool) => pool.name), reconcile: false };
  return { pools: poolsBehind(cluster), reconcile: true };
}

/**
 * An update. With `caChanged`, every Linux VMSS pool goes to `Updating` and all of them roll at the same time
 * (Windows pools stay as they are). With the list unchanged, pools holding VMs behind their model (a failed or
 * canceled rollout's leftovers) roll those VMs only (rollout/reconcile.ts), and pools left Failed or Canceled
 * without such VMs go Updating → Succeeded; with nothing behind it is a short Updating → Succeeded with no machine
 * churn (azure-facts U8). A `failure` applies only to an update that rolls nodes.
 */
export function startUpdate(cluster: ClusterRecord, caChanged: boolean, options: StartOptions): OperationRecord {
  const plan = planUpdate(cluster, caChanged);
  const rolled = new Set(plan.pools);
  const phases: OperationPhase[] = [
    { kind: 'status', text: 'ProvisioningControlPlane' },
    { kind: 'applyCounts' },
    ...(plan.pools.length > 0
      ? [{ kind: 'nodes' as const, pools: plan.pools, ...(plan.reconcile ? { reconcile: true } : {}) }]
      : []),
  ];
  const noChurn = !caChanged && plan.pools.length === 0;
  cluster.provisioningState = 'Updating';
  for (const pool of cluster.pools) {
    if (noChurn || rolled.has(pool.name) || (!caChanged && pool.provisioningState !== 'Succeeded')) {
      pool.provisioningState = 'Updating';
      delete pool.provisioningError;
    }
  }
  const operation = newOperation(
    cluster,
    'update',
    phases,
    plan.pools.length > 0 ? options : { ...options, failure: undefined },
  );
  cluster.activeOperationId = operation.id;
  return operation;
}

export function startCreate(cluster: ClusterRecord, options: StartOptions): OperationRecord {
  cluster.provisioningState = 'Creating';
  for (const pool of cluster.pools) pool.provisioningState = 'Creating';
  const operation = newOperation(
    cluster,
    'create',
    [{ kind: 'status', text: 'ProvisioningControlPlane' }, { kind: 'finishCreate' }],
    { ...options, failure: undefined },
  );
  cluster.activeOperationId = operation.id;
  return operation;
}

/** An abort of `target` (azure-facts §13): the cluster goes `Canceling`; one step later `target` ends `Canceled`. */
export function startAbort(cluster: ClusterRecord, target: OperationRecord, options: StartOptions): OperationRecord {
  target.canceling = true;
  cluster.provisioningState = 'Canceling';
  return newOperation(cluster, 'update', [{ kind: 'cancel', target: target.id }], { ...options, failure: undefined });
}

export function startDelete(cluster: ClusterRecord, options: StartOptions): OperationRecord {
  cluster.provisioningState = 'Deleting';
  for (const pool of cluster.pools) pool.provisioningState = 'Deleting';
  const operation = newOperation(cluster, 'delete', [{ kind: 'delete' }], {
    ...options,
    failure: undefined,
  });
  cluster.activeOperationId = operation.id;
  return operation;
}
