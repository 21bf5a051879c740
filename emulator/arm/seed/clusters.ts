/** The hand-written seed: the subscriptions of directory.ts and about ten clusters covering the cases operators meet. */
import { SUBSCRIPTIONS } from '../../directory';
import type { SeedCertificates } from './certificates';
import type { ClusterSpec } from './builders';

const [prod, staging, platform, sandbox] = SUBSCRIPTIONS.map((s) => s.subscriptionId) as [
  string,
  string,
  string,
  string,
];
const ZONES = ['1', '2', '3'];

/** Cluster names used by tests and docs. */
export const SEED = {
  payments: { subscriptionId: prod, resourceGroup: 'rg-payments-prod', name: 'aks-payments-prod-weu' },
  web: { subscriptionId: prod, resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' },
  legacy: { subscriptionId: prod, resourceGroup: 'rg-legacy-prod', name: 'aks-legacy-win-weu' },
  staging: { subscriptionId: staging, resourceGroup: 'rg-staging', name: 'aks-staging-eus2' },
  canary: { subscriptionId: staging, resourceGroup: 'rg-staging', name: 'aks-canary-eus2' },
  dev: { subscriptionId: staging, resourceGroup: 'rg-dev', name: 'aks-dev-eus2' },
  core: { subscriptionId: platform, resourceGroup: 'rg-platform-core', name: 'aks-core-gwc' },
  ingress: { subscriptionId: platform, resourceGroup: 'rg-platform-core', name: 'aks-ingress-gwc' },
  data: { subscriptionId: platform, resourceGroup: 'rg-data', name: 'aks-data-gwc' },
  sandbox: { subscriptionId: sandbox, resourceGroup: 'rg-sandbox', name: 'aks-sandbox-sdc' },
  azl: { subscriptionId: sandbox, resourceGroup: 'rg-sandbox', name: 'aks-azurelinux-sdc' },
  big400: { subscriptionId: prod, resourceGroup: 'rg-big', name: 'aks-big-400-weu' },
  big1000: { subscriptionId: prod, resourceGroup: 'rg-big', name: 'aks-big-1000-weu' },
} as const;

export function seedClusterSpecs(
  certs: SeedCertificates,
): Array<ClusterSpec & { special?: 'failed' | 'stopped' | 'updating' }> {
  return [
    {
      // 3 pools, 42 nodes, one CA; carries eTags.
      ...SEED.payments,
      seedETag: true,
      location: 'westeurope',
      kubernetesVersion: '1.33.2',
      caBundle: [certs.contosoRoot],
      tags: { env: 'prod', team: 'payments', costCenter: 'CC-4711' },
      pools: [
        { name: 'system', count: 3, vmSize: 'Standard_D4ds_v5', zones: ZONES, maxSurge: '33%' },
        {
          name: 'apps',
          count: 24,
          vmSize: 'Standard_D8ds_v5',
          zones: ZONES,
          maxSurge: '10%',
          autoscale: { min: 12, max: 40 },
        },
        { name: 'batch', count: 15, vmSize: 'Standard_F16s_v2', maxSurge: '1' },
      ],
    },
    {
      // Two CAs.
      ...SEED.web,
      nodeReplacement: 'reimage',
      location: 'northeurope',
      kubernetesVersion: '1.32.6',
      caBundle: [certs.contosoRoot, certs.contosoIssuing],
      tags: { env: 'prod', team: 'web' },
      pools: [
        { name: 'nodepool1', count: 3, vmSize: 'Standard_DS2_v2', zones: ZONES, maxSurge: '33%' },
        { name: 'web', count: 6, vmSize: 'Standard_D4ds_v5', zones: ZONES, maxSurge: '2' },
      ],
    },
    {
      // A Windows pool beside Linux pools.
      ...SEED.legacy,
      location: 'westeurope',
      kubernetesVersion: '1.31.9',
      caBundle: [certs.contosoRoot],
      tags: { env: 'prod', team: 'legacy-apps' },
      pools: [
        { name: 'system', count: 2, vmSize: 'Standard_D2ds_v5', maxSurge: '1' },
        { name: 'linux', count: 4, vmSize: 'Standard_D4ds_v5', maxSurge: '50%' },
        { name: 'win22', count: 3, vmSize: 'Standard_D4s_v5', osType: 'Windows', osSKU: 'Windows2022', maxSurge: '1' },
      ],
    },
    {
      // A CA that expires in about 20 days.
      ...SEED.staging,
      nodeReplacement: 'reimage',
      location: 'eastus2',
      kubernetesVersion: '1.33.2',
      caBundle: [certs.expiringSoon],
      tags: { env: 'staging' },
      tier: 'Free',
      pools: [{ name: 'nodepool1', count: 5, vmSize: 'Standard_DS2_v2', maxSurge: '10%' }],
    },
    {
      // Already Updating: a CA rollout is running when the emulator starts.
      ...SEED.canary,
      nodeReplacement: 'reimage',
      location: 'eastus2',
      kubernetesVersion: '1.33.2',
      caBundle: [certs.contosoRoot, certs.contosoIssuing],
      tags: { env: 'staging', ring: 'canary' },
      tier: 'Free',
      special: 'updating',
      pools: [
        { name: 'nodepool1', count: 3, vmSize: 'Standard_DS2_v2', maxSurge: '1' },
        { name: 'apps', count: 4, vmSize: 'Standard_D4ds_v5', maxSurge: '50%' },
      ],
    },
    {
      // Stopped: power state Stopped, no machines.
      ...SEED.dev,
      location: 'eastus2',
      kubernetesVersion: '1.32.6',
      tags: { env: 'dev', autoShutdown: 'true' },
      tier: 'Free',
      special: 'stopped',
      pools: [{ name: 'nodepool1', count: 2, vmSize: 'Standard_B4ms', maxSurge: '1', withoutMachines: true }],
    },
    {
      // An expired CA; carries eTags.
      ...SEED.core,
      nodeReplacement: 'reimage',
      seedETag: true,
      location: 'germanywestcentral',
      kubernetesVersion: '1.32.6',
      caBundle: [certs.fabrikamRoot, certs.expired],
      tags: { env: 'prod', owner: 'platform-team' },
      pools: [
        { name: 'system', count: 3, vmSize: 'Standard_D4ds_v5', zones: ZONES, maxSurge: '33%' },
        { name: 'workload', count: 8, vmSize: 'Standard_E8ds_v5', zones: ZONES, maxSurge: '25%' },
      ],
    },
    {
      // No custom CA at all.
      ...SEED.ingress,
      location: 'germanywestcentral',
      kubernetesVersion: '1.33.2',
      tags: { env: 'prod', owner: 'platform-team' },
      pools: [{ name: 'nodepool1', count: 3, vmSize: 'Standard_D4ds_v5', zones: ZONES, maxSurge: '10%' }],
    },
    {
      // Failed provisioning.
      ...SEED.data,
      location: 'germanywestcentral',
      kubernetesVersion: '1.31.9',
      caBundle: [certs.fabrikamRoot],
      tags: { env: 'prod', owner: 'data-team' },
      special: 'failed',
      pools: [
        { name: 'system', count: 3, vmSize: 'Standard_D4ds_v5', maxSurge: '10%' },
        { name: 'spark', count: 6, vmSize: 'Standard_E16ds_v5', maxSurge: '33%' },
      ],
    },
    {
      ...SEED.sandbox,
      location: 'swedencentral',
      kubernetesVersion: '1.33.2',
      tags: { env: 'sandbox' },
      tier: 'Free',
      pools: [{ name: 'nodepool1', count: 1, vmSize: 'Standard_B2s', maxSurge: '1' }],
    },
    {
      ...SEED.azl,
      nodeReplacement: 'reimage',
      location: 'swedencentral',
      kubernetesVersion: '1.33.2',
      caBundle: [certs.fabrikamRoot],
      tags: { env: 'sandbox', os: 'azurelinux' },
      tier: 'Free',
      pools: [{ name: 'nodepool1', count: 2, vmSize: 'Standard_D2ds_v5', osSKU: 'AzureLinux', maxSurge: '1' }],
    },
    {
      // About 400 Linux nodes, reimaged in place, in a few batches (maxSurge 33%).
      ...SEED.big400,
      nodeReplacement: 'reimage',
      location: 'westeurope',
      kubernetesVersion: '1.33.2',
      caBundle: [certs.contosoRoot],
      tags: { env: 'prod', team: 'platform', size: 'big' },
      pools: [
        { name: 'system', count: 4, vmSize: 'Standard_D4ds_v5', zones: ZONES, maxSurge: '33%' },
        { name: 'apps', count: 200, vmSize: 'Standard_D8ds_v5', zones: ZONES, maxSurge: '33%' },
        { name: 'jobs', count: 196, vmSize: 'Standard_F16s_v2', zones: ZONES, maxSurge: '33%' },
      ],
    },
    {
      // About 1,000 Linux nodes, replaced (new names), in a few batches (maxSurge 33%).
      ...SEED.big1000,
      location: 'westeurope',
      kubernetesVersion: '1.33.2',
      caBundle: [certs.contosoRoot, certs.contosoIssuing],
      tags: { env: 'prod', team: 'platform', size: 'big' },
      pools: [
        { name: 'system', count: 10, vmSize: 'Standard_D4ds_v5', zones: ZONES, maxSurge: '33%' },
        { name: 'apps', count: 500, vmSize: 'Standard_D8ds_v5', zones: ZONES, maxSurge: '33%' },
        { name: 'jobs', count: 490, vmSize: 'Standard_F16s_v2', zones: ZONES, maxSurge: '33%' },
      ],
    },
  ];
}
