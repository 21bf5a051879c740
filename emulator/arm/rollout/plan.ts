/** Starting operations: the plan of phases and the states a PUT/DELETE moves cluster and pools to. */
import { randomUUID } from 'node:crypto';
import { clusterId } from '../state/ids';
import type { ClusterRecord, OperationError, OperationPhase, OperationRecord, PoolRecord } from '../state/types';

/** Pools whose nodes a CA change reimages: Linux VMSS pools (Windows pools are not supported, azure-facts §1). */
export function rollsOnCaChange(pool: PoolRecord): boolean {
  return pool.osType === 'Linux' && pool.type === 'VirtualMachineScaleSets';
}

export interface StartOptions {
  now: number;
  msPerBatch: number;
  failure?: { afterBatches: number; error: OperationError };
  id?: string;
}

function newOperation(cluster: ClusterRecord, kind: OperationRecord['kind'], phases: OperationPhase[], options: StartOptions): OperationRecord {
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

/**
 * An update. With `caChanged`, every Linux VMSS pool goes to `Updating` and all of them roll at the same time
 * (Windows pools stay as they are); otherwise a short Updating → Succeeded with no machine churn (azure-facts U8).
 */
export function startUpdate(cluster: ClusterRecord, caChanged: boolean, options: StartOptions): OperationRecord {
  const rolled = caChanged ? cluster.pools.filter(rollsOnCaChange) : [];
  const phases: OperationPhase[] = [
    { kind: 'status', text: 'ProvisioningControlPlane' },
    { kind: 'applyCounts' },
    ...(rolled.length > 0 ? [{ kind: 'nodes' as const, pools: rolled.map((pool) => pool.name) }] : []),
  ];
  cluster.provisioningState = 'Updating';
  for (const pool of cluster.pools) {
    if (!caChanged || rollsOnCaChange(pool)) {
      pool.provisioningState = 'Updating';
      delete pool.provisioningError;
    }
  }
  const operation = newOperation(cluster, 'update', phases, caChanged ? options : { ...options, failure: undefined });
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
