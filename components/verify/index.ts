export { ServerCheckPanel } from './ServerCheckPanel';
export { TrustChangeSummary } from './TrustChangeSummary';
export { useServerChecks, type ServerChecks } from './use-server-checks';

/** The key the checked servers are kept under for one cluster. */
export function clusterKeyOf(cluster: { subscriptionId: string; resourceGroup: string; name: string }): string {
  return `${cluster.subscriptionId}/${cluster.resourceGroup}/${cluster.name}`;
}
