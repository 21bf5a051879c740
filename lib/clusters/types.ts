/**
 * The plain data the server reads from ARM and the page shows: one module both may import (no zod, no
 * server-only import). lib/azure builds these from ARM answers it validated (lib/azure/models.ts,
 * resource-names.ts); components import them from here, never from lib/azure.
 */

/** A cluster as the URL and the server actions name it (validated by lib/azure's clusterRefSchema). */
export interface ClusterRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface TenantSummary {
  tenantId: string;
  displayName: string;
  defaultDomain: string | null;
}

export interface SubscriptionSummary {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: string;
}

export interface AgentPoolSummary {
  name: string;
  count: number;
  vmSize: string;
  osType: 'Linux' | 'Windows' | string;
  osSku: string | null;
  mode: string;
  type: string;
  provisioningState: string;
  powerState: string | null;
  maxSurge: string;
}

export interface ClusterSummary {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  eTag: string | null;
  provisioningState: string;
  powerState: string | null;
  kubernetesVersion: string;
  agentPools: AgentPoolSummary[];
  /** Each entry as the PEM text ARM holds (the SDK has already undone the wire's base64). */
  caBundle: string[];
}

/** What the caller may do on a cluster (ARM's permissions API). */
export interface ClusterAccess {
  /** May the caller write the cluster (the CA change is a PUT of the whole cluster)? */
  canWrite: boolean;
  /** The action that was checked, for the reason shown. */
  writeAction: string;
}
