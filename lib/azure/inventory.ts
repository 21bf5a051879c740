import 'server-only';
import type { ArmClients } from './clients';
import { toClusterSummary, toSubscriptionSummary, type ClusterSummary, type SubscriptionSummary } from './models';

/** Every subscription the caller can see (the SDK follows nextLink). */
export async function listSubscriptions(clients: ArmClients): Promise<SubscriptionSummary[]> {
  const subscriptions: SubscriptionSummary[] = [];
  for await (const subscription of clients.subscriptions().subscriptions.list()) subscriptions.push(toSubscriptionSummary(subscription));
  return subscriptions.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Every managed cluster in one subscription, all pages. */
export async function listClusters(clients: ArmClients, subscriptionId: string): Promise<ClusterSummary[]> {
  const clusters: ClusterSummary[] = [];
  for await (const cluster of clients.containerService(subscriptionId).managedClusters.list()) clusters.push(toClusterSummary(cluster));
  return clusters;
}
