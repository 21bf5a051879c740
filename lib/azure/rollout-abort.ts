import 'server-only';
import { z } from 'zod';
import type { ActionResult } from '../action-result';
import { clusterRefSchema } from './resource-names';
import { runArmAction } from './run-action';

export const abortRolloutInputSchema = z.object({ cluster: clusterRefSchema });

/**
 * `POST {cluster}/abort` (as `az aks operation-abort` does): ARM answers 202 and the cluster goes Canceling, then
 * Canceled (azure-facts §13). Returns once ARM accepted it; the rollout view shows the states that follow.
 */
export async function abortRollout(token: unknown, input: unknown): Promise<ActionResult<{ accepted: true }>> {
  const result = await runArmAction(token, abortRolloutInputSchema, input, async (clients, { cluster }) => {
    const poller = clients
      .containerService(cluster.subscriptionId)
      .managedClusters.abortLatestOperation(cluster.resourceGroup, cluster.name);
    await poller.submitted();
    return { accepted: true as const };
  });
  if (result.ok || result.error.status !== 403) return result;
  return {
    ok: false,
    error: {
      ...result.error,
      message: `You may not abort operations on this cluster: that needs Microsoft.ContainerService/managedClusters/abort/action (for example Azure Kubernetes Service Contributor). ${result.error.message}`,
    },
  };
}
