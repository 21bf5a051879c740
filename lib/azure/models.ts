/**
 * What the dashboard reads from ARM, validated with zod and turned into plain data that can cross to the
 * browser. Fields we do not use are ignored; a response missing what we need is refused with a clear message.
 */
import 'server-only';
import { z } from 'zod';
import type { ClusterSummary, SubscriptionSummary, TenantSummary } from '../clusters/types';
import { MANAGED_CLUSTER_TYPE, parseClusterId, sameArmName } from './resource-names';

const agentPoolSchema = z.object({
  name: z.string(),
  count: z.number().int().nonnegative().optional(),
  vmSize: z.string().optional(),
  osType: z.string().optional(),
  osSKU: z.string().optional(),
  mode: z.string().optional(),
  type: z.string().optional(),
  provisioningState: z.string().optional(),
  powerState: z.object({ code: z.string().optional() }).optional(),
  orchestratorVersion: z.string().optional(),
  nodeImageVersion: z.string().optional(),
  upgradeSettings: z.object({ maxSurge: z.string().optional(), maxUnavailable: z.string().optional() }).optional(),
});

const clusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  location: z.string(),
  eTag: z.string().optional(),
  provisioningState: z.string().optional(),
  powerState: z.object({ code: z.string().optional() }).optional(),
  kubernetesVersion: z.string().optional(),
  currentKubernetesVersion: z.string().optional(),
  agentPoolProfiles: z.array(agentPoolSchema).optional(),
  securityProfile: z.object({ customCATrustCertificates: z.array(z.instanceof(Uint8Array)).optional() }).optional(),
});

const subscriptionSchema = z.object({
  subscriptionId: z.string(),
  displayName: z.string().optional(),
  tenantId: z.string().optional(),
  state: z.string().optional(),
});

const tenantSchema = z.object({
  tenantId: z.string(),
  displayName: z.string().optional(),
  defaultDomain: z.string().optional(),
});

// The shapes live in lib/clusters/types.ts, which components may import too.
export type { AgentPoolSummary, ClusterSummary, SubscriptionSummary, TenantSummary } from '../clusters/types';

export class ArmResponseError extends Error {
  readonly code = 'InvalidArmResponse';
}

function describeIssues(what: string, error: z.ZodError): ArmResponseError {
  const issue = error.issues[0];
  return new ArmResponseError(
    `Azure Resource Manager returned a ${what} this dashboard cannot read (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
  );
}

const pemText = new TextDecoder('utf-8', { fatal: false });

export function toClusterSummary(raw: unknown): ClusterSummary {
  const parsed = clusterSchema.safeParse(raw);
  if (!parsed.success) throw describeIssues('cluster', parsed.error);
  const cluster = parsed.data;
  const ref = parseClusterId(cluster.id);
  if (!ref)
    throw new ArmResponseError(`Azure Resource Manager returned a cluster with an unexpected id: ${cluster.id}`);
  if (cluster.type !== undefined && !sameArmName(cluster.type, MANAGED_CLUSTER_TYPE))
    throw new ArmResponseError(
      `Azure Resource Manager returned a resource of type ${cluster.type} where a managed cluster was expected.`,
    );
  return {
    id: cluster.id,
    subscriptionId: ref.subscriptionId,
    resourceGroup: ref.resourceGroup,
    name: cluster.name,
    location: cluster.location,
    eTag: cluster.eTag ?? null,
    provisioningState: cluster.provisioningState ?? 'Unknown',
    powerState: cluster.powerState?.code ?? null,
    kubernetesVersion: cluster.currentKubernetesVersion ?? cluster.kubernetesVersion ?? 'unknown',
    agentPools: (cluster.agentPoolProfiles ?? []).map((pool) => ({
      name: pool.name,
      count: pool.count ?? 0,
      vmSize: pool.vmSize ?? 'unknown',
      osType: pool.osType ?? 'Linux',
      osSku: pool.osSKU ?? null,
      mode: pool.mode ?? 'User',
      type: pool.type ?? 'VirtualMachineScaleSets',
      provisioningState: pool.provisioningState ?? 'Unknown',
      powerState: pool.powerState?.code ?? null,
      maxSurge: pool.upgradeSettings?.maxSurge ?? '10%',
    })),
    caBundle: (cluster.securityProfile?.customCATrustCertificates ?? []).map((bytes) => pemText.decode(bytes)),
  };
}

export function toSubscriptionSummary(raw: unknown): SubscriptionSummary {
  const parsed = subscriptionSchema.safeParse(raw);
  if (!parsed.success) throw describeIssues('subscription', parsed.error);
  const { subscriptionId, displayName, tenantId, state } = parsed.data;
  return {
    subscriptionId,
    displayName: displayName ?? subscriptionId,
    tenantId: tenantId ?? 'unknown',
    state: state ?? 'Unknown',
  };
}

export function toTenantSummary(raw: unknown): TenantSummary {
  const parsed = tenantSchema.safeParse(raw);
  if (!parsed.success) throw describeIssues('tenant', parsed.error);
  const { tenantId, displayName, defaultDomain } = parsed.data;
  return { tenantId, displayName: displayName ?? defaultDomain ?? tenantId, defaultDomain: defaultDomain ?? null };
}
