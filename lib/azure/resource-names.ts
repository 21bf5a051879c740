import 'server-only';
import { z } from 'zod';
import type { ClusterRef } from '../clusters/types';

/** ARM's naming rules for what the dashboard accepts from the browser. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const subscriptionIdSchema = z.string().regex(GUID, 'A subscription id is a GUID.');
export const tenantIdSchema = z.string().regex(GUID, 'A tenant id is a GUID.');

export const resourceGroupNameSchema = z
  .string()
  .regex(
    /^[-\w.()]{1,89}[-\w()]$|^[-\w()]$/u,
    'A resource group name is 1-90 letters, digits, _ - . ( ), not ending in a period.',
  );

export const clusterNameSchema = z
  .string()
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,61}[a-zA-Z0-9]$|^[a-zA-Z0-9]$/,
    'A cluster name is 1-63 letters, digits, _ or -, starting and ending with a letter or digit.',
  );

export const clusterRefSchema = z.object({
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  name: clusterNameSchema,
}) satisfies z.ZodType<ClusterRef>;
export type { ClusterRef };

const CLUSTER_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/i;

/** The managed cluster resource type; ARM writes it `Microsoft.ContainerService/ManagedClusters` in bodies (azure-facts §13). */
export const MANAGED_CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';

/** ARM ids and types are case-insensitive: real bodies say `/resourcegroups/` and `ManagedClusters`. */
export function sameArmName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Parses a managed cluster's resource id (any case of the fixed segments, as ARM compares them); undefined if it
 * is not one. Names keep the case the id gives them.
 */
export function parseClusterId(id: string): ClusterRef | undefined {
  const match = CLUSTER_ID.exec(id);
  if (!match) return undefined;
  const parsed = clusterRefSchema.safeParse({ subscriptionId: match[1], resourceGroup: match[2], name: match[3] });
  return parsed.success ? parsed.data : undefined;
}

export { clusterId } from '../clusters/cluster-id';
