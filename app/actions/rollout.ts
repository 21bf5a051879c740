'use server';
import { logAction } from '@/lib/log/action-log';
import { rolloutSnapshot, type RolloutSnapshotResult } from '@/lib/azure/rollout';
import { abortRollout as abortLatestOperation } from '@/lib/azure/rollout-abort';
import type { ActionResult } from '@/lib/action-result';

type ClusterInput = { subscriptionId: string; resourceGroup: string; name: string };

/** One snapshot of a rollout: operation status (with this browser's handle), cluster and pool states, machines and VMSS VMs per pool. */
export async function readRolloutSnapshot(
  token: string,
  input: { cluster: ClusterInput; operationUrl: string | null; refreshCluster?: boolean },
): Promise<RolloutSnapshotResult> {
  return logAction('readRolloutSnapshot', () => rolloutSnapshot(token, input));
}

/** Aborts the cluster's running operation (`managedClusters.abortLatestOperation`). */
export async function abortRollout(
  token: string,
  input: { cluster: ClusterInput },
): Promise<ActionResult<{ accepted: true }>> {
  return logAction('abortRollout', () => abortLatestOperation(token, input));
}
