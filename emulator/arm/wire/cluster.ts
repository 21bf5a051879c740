/** Wire shapes (JSON bodies) of managed clusters, agent pools and machines (azure-facts.md §2). */
import { clusterId, fqdnTag, machineResourceId, nodeResourceGroup } from '../state/ids';
import type { ETagMode } from '../context';
import type { ClusterView, MachineView, PoolView } from '../state/types';

export interface WireOptions {
  /** azure-facts §13: recorded bodies carry no eTag. */
  eTags: ETagMode;
}

/** Whether this cluster's body (and its pools') carries eTags. */
export function showsETag(cluster: ClusterView, options: WireOptions): boolean {
  return options.eTags === 'always' || (options.eTags === 'seed' && cluster.seedETag === true);
}

/** ARM ids as the AKS resource provider writes them in bodies: lower-case `resourcegroups` (azure-facts §13). */
export function bodyClusterId(cluster: ClusterView): string {
  return clusterId(cluster).replace('/resourceGroups/', '/resourcegroups/');
}

function poolProperties(pool: PoolView, eTag: boolean): Record<string, unknown> {
  return {
    ...pool.extra,
    count: pool.count,
    vmSize: pool.vmSize,
    osDiskSizeGB: pool.osDiskSizeGB,
    osDiskType: 'Managed',
    kubeletDiskType: 'OS',
    maxPods: pool.maxPods,
    type: pool.type,
    ...(pool.availabilityZones ? { availabilityZones: pool.availabilityZones } : {}),
    enableAutoScaling: pool.enableAutoScaling,
    ...(pool.enableAutoScaling ? { minCount: pool.minCount, maxCount: pool.maxCount } : {}),
    provisioningState: pool.provisioningState,
    powerState: { code: pool.powerState },
    orchestratorVersion: pool.orchestratorVersion,
    currentOrchestratorVersion: pool.currentOrchestratorVersion,
    enableNodePublicIP: false,
    mode: pool.mode,
    osType: pool.osType,
    osSKU: pool.osSKU,
    nodeImageVersion: pool.nodeImageVersion,
    upgradeSettings: pool.upgradeSettings,
    enableFIPS: false,
    ...(eTag ? { eTag: pool.eTag } : {}),
    ...(pool.provisioningError ? { status: { provisioningError: pool.provisioningError } } : {}),
  };
}

export function wireCluster(cluster: ClusterView, options: WireOptions): Record<string, unknown> {
  const securityProfile: Record<string, unknown> = { ...cluster.securityExtra };
  if (cluster.caBundle && cluster.caBundle.length > 0) {
    securityProfile.customCATrustCertificates = [...cluster.caBundle];
  }
  return {
    id: bodyClusterId(cluster),
    location: cluster.location,
    name: cluster.name,
    type: 'Microsoft.ContainerService/ManagedClusters',
    tags: cluster.tags,
    ...(showsETag(cluster, options) ? { eTag: cluster.eTag } : {}),
    ...cluster.topExtra,
    properties: {
      ...cluster.extra,
      provisioningState: cluster.provisioningState,
      powerState: { code: cluster.powerState },
      kubernetesVersion: cluster.kubernetesVersion,
      currentKubernetesVersion: cluster.currentKubernetesVersion,
      dnsPrefix: cluster.dnsPrefix,
      fqdn: `${cluster.dnsPrefix}-${fqdnTag(cluster)}.hcp.${cluster.location}.azmk8s.io`,
      azurePortalFQDN: `${cluster.dnsPrefix}-${fqdnTag(cluster)}.portal.hcp.${cluster.location}.azmk8s.io`,
      agentPoolProfiles: cluster.pools.map((pool) => ({
        name: pool.name,
        ...poolProperties(pool, showsETag(cluster, options)),
      })),
      nodeResourceGroup: nodeResourceGroup(cluster),
      maxAgentPools: 100,
      securityProfile,
    },
  };
}

export function wireAgentPool(cluster: ClusterView, pool: PoolView, options: WireOptions): Record<string, unknown> {
  return {
    id: `${bodyClusterId(cluster)}/agentPools/${pool.name}`,
    name: pool.name,
    type: 'Microsoft.ContainerService/managedClusters/agentPools',
    properties: poolProperties(pool, showsETag(cluster, options)),
  };
}

export function wireMachine(cluster: ClusterView, pool: PoolView, machine: MachineView): Record<string, unknown> {
  return {
    id: `${bodyClusterId(cluster)}/agentPools/${pool.name}/machines/${machine.name}`,
    name: machine.name,
    type: 'Microsoft.ContainerService/managedClusters/agentPools/machines',
    properties: {
      network: { ipAddresses: [{ ip: machine.ip, family: 'IPv4' }] },
      resourceId: machineResourceId(cluster, pool, machine),
    },
    ...(machine.zone ? { zones: [machine.zone] } : {}),
  };
}
