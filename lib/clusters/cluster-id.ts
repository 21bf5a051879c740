/** A managed cluster's ARM resource id. Pure and free of zod: the rollout view builds it in the browser. */
export function clusterId({
  subscriptionId,
  resourceGroup,
  name,
}: {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`;
}
