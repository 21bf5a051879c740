/** Builders for seed clusters and pools with realistic defaults. */
import { randomUUID } from 'node:crypto';
import { addMachine, clusterKeyOf, vmssSuffix } from '../state/ids';
import type { ClusterRecord, NodeReplacement, PoolRecord, ResourceGroupRecord, UpgradeSettings } from '../state/types';

export const UBUNTU_IMAGE = 'AKSUbuntu-2204gen2containerd-202509.18.0';
export const AZURE_LINUX_IMAGE = 'AKSAzureLinux-V3gen2-202509.18.0';
export const WINDOWS_IMAGE = 'AKSWindows-2022-containerd-20348.2340.240401';

export interface PoolSpec {
  name: string;
  count: number;
  vmSize?: string;
  osType?: 'Linux' | 'Windows';
  osSKU?: string;
  mode?: 'System' | 'User';
  maxSurge?: string;
  maxUnavailable?: string;
  zones?: string[];
  autoscale?: { min: number; max: number };
  /** Stopped clusters have no machines. */
  withoutMachines?: boolean;
}

export interface ClusterSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  kubernetesVersion: string;
  pools: PoolSpec[];
  caBundle?: string[];
  tags?: Record<string, string>;
  tier?: 'Free' | 'Standard' | 'Premium';
  /** The subscription's tenant, for the managed identity. */
  tenantId?: string;
  /** Its bodies carry eTags (real ones do not, azure-facts §13). */
  seedETag?: boolean;
  /** Default `replace`. */
  nodeReplacement?: NodeReplacement;
}

function imageFor(osType: string, osSKU: string): string {
  if (osType === 'Windows') return WINDOWS_IMAGE;
  return osSKU === 'AzureLinux' ? AZURE_LINUX_IMAGE : UBUNTU_IMAGE;
}

export function buildPool(clusterKey: string, index: number, spec: PoolSpec, version: string): PoolRecord {
  const osType = spec.osType ?? 'Linux';
  const osSKU = spec.osSKU ?? (osType === 'Windows' ? 'Windows2022' : 'Ubuntu');
  const upgradeSettings: UpgradeSettings = {
    maxSurge: spec.maxSurge ?? '10%',
    maxUnavailable: spec.maxUnavailable ?? '0',
  };
  const pool: PoolRecord = {
    name: spec.name,
    count: spec.count,
    vmSize: spec.vmSize ?? (osType === 'Windows' ? 'Standard_D4s_v5' : 'Standard_D4ds_v5'),
    osType,
    osSKU,
    mode: spec.mode ?? (index === 0 ? 'System' : 'User'),
    type: 'VirtualMachineScaleSets',
    provisioningState: 'Succeeded',
    powerState: spec.withoutMachines ? 'Stopped' : 'Running',
    orchestratorVersion: version,
    currentOrchestratorVersion: version,
    nodeImageVersion: imageFor(osType, osSKU),
    upgradeSettings,
    ...(spec.zones ? { availabilityZones: spec.zones } : {}),
    maxPods: osType === 'Windows' ? 30 : 110,
    osDiskSizeGB: 128,
    enableAutoScaling: Boolean(spec.autoscale),
    ...(spec.autoscale ? { minCount: spec.autoscale.min, maxCount: spec.autoscale.max } : {}),
    eTag: randomUUID(),
    extra: {},
    vmssSuffix: vmssSuffix(clusterKey, spec.name),
    nextInstance: 0,
    machines: [],
  };
  if (!spec.withoutMachines) for (let i = 0; i < spec.count; i++) addMachine(pool, index);
  return pool;
}

export function buildCluster(spec: ClusterSpec): ClusterRecord {
  const key = clusterKeyOf(spec.subscriptionId, spec.resourceGroup, spec.name);
  const networkPlugin = spec.pools.some((p) => p.osType === 'Windows') ? 'azure' : 'kubenet';
  return {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    tags: spec.tags ?? {},
    eTag: randomUUID(),
    ...(spec.seedETag ? { seedETag: true } : {}),
    nodeReplacement: spec.nodeReplacement ?? 'replace',
    provisioningState: 'Succeeded',
    powerState: 'Running',
    kubernetesVersion: spec.kubernetesVersion,
    currentKubernetesVersion: spec.kubernetesVersion,
    dnsPrefix: `${spec.name}-dns`.slice(0, 54),
    ...(spec.caBundle ? { caBundle: spec.caBundle } : {}),
    pools: spec.pools.map((pool, index) => buildPool(key, index, pool, spec.kubernetesVersion)),
    topExtra: {
      sku: { name: 'Base', tier: spec.tier ?? 'Standard' },
      identity: { type: 'SystemAssigned', principalId: randomUUID(), tenantId: spec.tenantId ?? randomUUID() },
    },
    extra: {
      enableRBAC: true,
      supportPlan: 'KubernetesOfficial',
      networkProfile: {
        networkPlugin,
        ...(networkPlugin === 'kubenet' ? { podCidr: '10.244.0.0/16' } : {}),
        serviceCidr: '10.0.0.0/16',
        dnsServiceIP: '10.0.0.10',
        outboundType: 'loadBalancer',
        loadBalancerSku: 'standard',
      },
      oidcIssuerProfile: { enabled: true },
      autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' },
    },
    securityExtra: {},
  };
}

export function resourceGroupsOf(clusters: ClusterRecord[]): ResourceGroupRecord[] {
  const seen = new Map<string, ResourceGroupRecord>();
  for (const c of clusters) {
    const key = `${c.subscriptionId}/${c.resourceGroup}`.toLowerCase();
    if (!seen.has(key))
      seen.set(key, { subscriptionId: c.subscriptionId, name: c.resourceGroup, location: c.location });
  }
  return [...seen.values()];
}
