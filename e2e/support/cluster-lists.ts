/** The ARM path that lists a subscription's AKS clusters (fault injection in the inventory specs targets it). */
export const clustersOf = (subscriptionId: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.ContainerService/managedClusters`;
