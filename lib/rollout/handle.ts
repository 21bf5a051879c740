/**
 * The private rollout handle: what apply returns to the caller's browser and what only that caller can use
 * (azure-facts §13): ARM's signed operation URL (bound to the caller, ~3.6 KB) and the machines seen before the
 * change. It stays in the caller's browser (handle-store.ts); the rollout view's URL carries only the cluster, the
 * operation id and the start time (rollout-link.ts). It holds no token.
 */
import { z } from 'zod';

const ARM_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]{1,90}\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]{1,63}$/i;
const OPERATION_PATH =
  /^\/subscriptions\/[0-9a-f-]{36}\/providers\/Microsoft\.ContainerService\/locations\/[a-z0-9]{1,64}\/operations\/([a-z0-9-]{1,128})$/i;

/** An operation id as the short rollout URL carries it (`?op=`). */
export const operationIdSchema = z.string().regex(/^[a-z0-9-]{1,128}$/i, 'not an operation id');

export const MAX_HANDLE_OPERATION_URL = 8192;

export const rolloutHandleSchema = z.object({
  v: z.literal(1),
  /** The managed cluster's resource id. */
  clusterId: z.string().regex(ARM_ID, 'not a managed cluster resource id'),
  /** ARM's Azure-AsyncOperation URL, verbatim; checked again on the server before any token is sent to it. */
  operationUrl: z
    .url({ protocol: /^https$/ })
    .max(MAX_HANDLE_OPERATION_URL)
    .optional(),
  /** When ARM accepted the change (ISO-8601). */
  startedAt: z.iso.datetime(),
  /** Machine names per agent pool seen just before the change. Best-effort: a pool that could not be read is absent. */
  machinesBefore: z.record(z.string().max(12), z.array(z.string().max(80)).max(5000)),
});

export type RolloutHandle = z.infer<typeof rolloutHandleSchema>;

/** The operation id of an Azure-AsyncOperation URL, lower-cased, or null. */
export function operationIdOf(operationUrl: string | undefined | null): string | null {
  const path = operationUrl ? /^https:\/\/[^/?#]+(\/[^?#]*)/i.exec(operationUrl)?.[1] : undefined;
  const match = path ? OPERATION_PATH.exec(path) : null;
  return match ? match[1]!.toLowerCase() : null;
}
