import 'server-only';
import type { ArmClients } from './clients';
import { writeCaBundle, type CaBundleWrite } from './ca-bundle-write';
import { CaBundleWriteRefused } from './ca-bundle-write-refusal';
import { readClusterAccess, type ClusterAccess } from './cluster-permissions';
import { toClusterSummary, type ClusterSummary } from './models';
import type { ClusterRef } from './resource-names';
import { ActionFailure } from './run-action';
import { getConfig } from '../config';
import type { RolloutHandle } from '../rollout/handle';

/** One managed cluster, as the cluster page shows it. */
export async function getClusterSummary(
  clients: ArmClients,
  { subscriptionId, resourceGroup, name }: ClusterRef,
): Promise<ClusterSummary> {
  return toClusterSummary(await clients.containerService(subscriptionId).managedClusters.get(resourceGroup, name));
}

/** What the caller may do on the cluster, from ARM's permissions API (before any edit). */
export function getClusterAccess(clients: ArmClients, ref: ClusterRef): Promise<ClusterAccess> {
  return readClusterAccess(clients.containerService(ref.subscriptionId), getConfig().armEndpoint, ref);
}

export async function applyCaBundleWrite(clients: ArmClients, write: CaBundleWrite): Promise<RolloutHandle> {
  try {
    return await writeCaBundle(clients.containerService(write.cluster.subscriptionId), write);
  } catch (error) {
    if (error instanceof CaBundleWriteRefused) throw new ActionFailure(error.refusal);
    throw error;
  }
}
