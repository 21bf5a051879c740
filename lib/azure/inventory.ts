import 'server-only';
import type { ArmClients } from './clients';
import {
  toClusterSummary,
  toSubscriptionSummary,
  toTenantSummary,
  type ClusterSummary,
  type SubscriptionSummary,
  type TenantSummary,
} from './models';

/** Every subscription the caller can see (the SDK follows nextLink). */
export async function listSubscriptions(clients: ArmClients): Promise<SubscriptionSummary[]> {
  const subscriptions: SubscriptionSummary[] = [];
  for await (const subscription of clients.subscriptions().subscriptions.list())
    subscriptions.push(toSubscriptionSummary(subscription));
  return subscriptions.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Every managed cluster in one subscription, all pages. */
export async function listClusters(clients: ArmClients, subscriptionId: string): Promise<ClusterSummary[]> {
  const clusters: ClusterSummary[] = [];
  for await (const cluster of clients.containerService(subscriptionId).managedClusters.list())
    clusters.push(toClusterSummary(cluster));
  return clusters;
}

/** The tenants where the caller has access (GET /tenants); ARM tokens are per tenant. */
export async function listTenants(clients: ArmClients): Promise<TenantSummary[]> {
  const tenants: TenantSummary[] = [];
  for await (const tenant of clients.subscriptions().tenants.list()) tenants.push(toTenantSummary(tenant));
  return tenants.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
