'use server';
import { rolloutSnapshot, type RolloutSnapshotResult } from '@/lib/azure/rollout';

/** One snapshot of a rollout: operation status, cluster and pool states, machines per pool. */
export async function readRolloutSnapshot(token: string, input: { cluster: { subscriptionId: string; resourceGroup: string; name: string }; handle: string | null }): Promise<RolloutSnapshotResult> {
  return rolloutSnapshot(token, input);
}
