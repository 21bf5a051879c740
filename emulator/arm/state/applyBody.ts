/**
 * Applying a validated PUT body to a cluster record: a new cluster, or an update of the stored one. Read-only
 * fields in the body are ignored; fields the emulator does not model are kept and echoed back.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_UPGRADE_SETTINGS } from '../rollout/surge';
import { buildPool } from '../seed/builders';
import type { AgentPoolProfileBody, ClusterBody } from '../validation/clusterBody';
import {
  READ_ONLY_CLUSTER_PROPERTIES,
  READ_ONLY_POOL_PROPERTIES,
  READ_ONLY_TOP_LEVEL,
} from '../validation/clusterBody';
import { clusterKeyOf } from './ids';
import type { ClusterRecord, PoolRecord } from './types';

const MODELLED_CLUSTER = ['kubernetesVersion', 'dnsPrefix', 'agentPoolProfiles', 'securityProfile'];
const MODELLED_POOL = [
  'name',
  'count',
  'vmSize',
  'osType',
  'osSKU',
  'mode',
  'type',
  'orchestratorVersion',
  'availabilityZones',
  'maxPods',
  'osDiskSizeGB',
  'enableAutoScaling',
  'minCount',
  'maxCount',
  'upgradeSettings',
];
const DEFAULT_KUBERNETES_VERSION = '1.33.2';

function without(source: Record<string, unknown>, ...lists: string[][]): Record<string, unknown> {
  const drop = new Set(lists.flat());
  return Object.fromEntries(Object.entries(source).filter(([key, value]) => !drop.has(key) && value !== undefined));
}

export interface ApplyResult {
  cluster: ClusterRecord;
  caChanged: boolean;
}

export function sameCaBundle(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function updatePool(pool: PoolRecord, body: AgentPoolProfileBody): void {
  if (body.count !== undefined) pool.count = body.count;
  if (body.orchestratorVersion) pool.orchestratorVersion = body.orchestratorVersion;
  // `upgradeSettings: {}` reads back as the recorded defaults (azure-facts §13).
  if (body.upgradeSettings) pool.upgradeSettings = { ...DEFAULT_UPGRADE_SETTINGS, ...body.upgradeSettings };
  if (body.enableAutoScaling !== undefined) pool.enableAutoScaling = body.enableAutoScaling;
  if (body.minCount !== undefined) pool.minCount = body.minCount;
  if (body.maxCount !== undefined) pool.maxCount = body.maxCount;
  if (body.mode) pool.mode = body.mode;
  pool.extra = { ...pool.extra, ...without(body, MODELLED_POOL, READ_ONLY_POOL_PROPERTIES) };
}

function newPool(clusterKey: string, index: number, body: AgentPoolProfileBody, version: string): PoolRecord {
  const pool = buildPool(
    clusterKey,
    index,
    {
      name: body.name,
      count: body.count ?? 3,
      ...(body.vmSize ? { vmSize: body.vmSize } : {}),
      ...(body.osType ? { osType: body.osType } : {}),
      ...(body.osSKU ? { osSKU: body.osSKU } : {}),
      ...(body.mode === 'System' || body.mode === 'User' ? { mode: body.mode } : {}),
      ...(body.availabilityZones ? { zones: body.availabilityZones } : {}),
      withoutMachines: true,
    },
    body.orchestratorVersion ?? version,
  );
  pool.powerState = 'Running';
  if (body.type) pool.type = body.type;
  if (body.maxPods) pool.maxPods = body.maxPods;
  if (body.osDiskSizeGB) pool.osDiskSizeGB = body.osDiskSizeGB;
  updatePool(pool, body);
  pool.upgradeSettings = { ...DEFAULT_UPGRADE_SETTINGS, ...pool.upgradeSettings };
  return pool;
}

export function applyClusterBody(
  existing: ClusterRecord | undefined,
  body: ClusterBody,
  where: { subscriptionId: string; resourceGroup: string; name: string },
): ApplyResult {
  const properties = (body.properties ?? {}) as NonNullable<ClusterBody['properties']>;
  const key = clusterKeyOf(where.subscriptionId, where.resourceGroup, where.name);
  const version = properties.kubernetesVersion ?? existing?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const cluster: ClusterRecord = existing ?? {
    ...where,
    location: body.location,
    tags: {},
    eTag: randomUUID(),
    provisioningState: 'Creating',
    powerState: 'Running',
    kubernetesVersion: version,
    currentKubernetesVersion: version,
    dnsPrefix: properties.dnsPrefix ?? `${where.name}-dns`.slice(0, 54),
    pools: [],
    topExtra: {},
    extra: {},
    securityExtra: {},
  };
  const before = cluster.caBundle;

  if (body.tags) cluster.tags = { ...body.tags };
  cluster.kubernetesVersion = version;
  const top = without(body, READ_ONLY_TOP_LEVEL);
  if (top.identity && typeof top.identity === 'object' && typeof cluster.topExtra.identity === 'object') {
    top.identity = { ...(cluster.topExtra.identity as object), ...(top.identity as object) };
  }
  cluster.topExtra = { ...cluster.topExtra, ...top };
  cluster.extra = { ...cluster.extra, ...without(properties, MODELLED_CLUSTER, READ_ONLY_CLUSTER_PROPERTIES) };

  for (const profile of properties.agentPoolProfiles ?? []) {
    const pool = cluster.pools.find((p) => p.name === profile.name);
    if (pool) updatePool(pool, profile);
    else cluster.pools.push(newPool(key, cluster.pools.length, profile, version));
  }

  const security = properties.securityProfile;
  if (security) {
    const { customCATrustCertificates, ...others } = security;
    cluster.securityExtra = without(others, []);
    // azure-facts U6: absent (or null) keeps the stored list; [] removes all.
    if (Array.isArray(customCATrustCertificates)) {
      if (customCATrustCertificates.length === 0) delete cluster.caBundle;
      else cluster.caBundle = [...customCATrustCertificates];
    }
  }

  cluster.eTag = randomUUID();
  for (const pool of cluster.pools) pool.eTag = randomUUID();
  return { cluster, caChanged: !sameCaBundle(before, cluster.caBundle) };
}
