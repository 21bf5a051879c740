import 'server-only';
import type { ArmClients } from './clients';
import { writeCaBundle, type CaBundleWrite } from './ca-bundle-write';
import { toClusterSummary, type ClusterSummary } from './models';
import type { ClusterRef } from './resource-names';
import type { RolloutHandle } from '../rollout/handle';

/** One managed cluster, as the cluster page shows it. */
export async function getClusterSummary(clients: ArmClients, { subscriptionId, resourceGroup, name }: ClusterRef): Promise<ClusterSummary> {
  return toClusterSummary(await clients.containerService(subscriptionId).managedClusters.get(resourceGroup, name));
}

export function applyCaBundleWrite(clients: ArmClients, write: CaBundleWrite): Promise<RolloutHandle> {
  return writeCaBundle(clients.containerService(write.cluster.subscriptionId), write);
}
