/**
 * The private rollout handle: what apply returns to the caller's browser and what only that caller can use
 * (azure-facts §13): ARM's signed operation URL (bound to the caller, ~3.6 KB) and the machines seen before the
 * change. It stays in the caller's browser (handle-store.ts); the rollout view's URL carries only the cluster, the
 * operation id and the start time (rollout-link.ts). It holds no token.
 */
const ARM_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]{1,90}\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]{1,63}$/i;
const OPERATION_PATH =
  /^\/subscriptions\/[0-9a-f-]{36}\/providers\/Microsoft\.ContainerService\/locations\/[a-z0-9]{1,64}\/operations\/([a-z0-9-]{1,128})$/i;

/** An operation id as the short rollout URL carries it (`?op=`); the server's zod schema is in handle-schema.ts. */
export const OPERATION_ID = /^[a-z0-9-]{1,128}$/i;

export const MAX_HANDLE_OPERATION_URL = 8192;

export interface RolloutHandle {
  v: 1;
  /** The managed cluster's resource id. */
  clusterId: string;
  /** ARM's Azure-AsyncOperation URL, verbatim; checked again on the server before any token is sent to it. */
  operationUrl?: string;
  /** When ARM accepted the change (ISO-8601, UTC). */
  startedAt: string;
  /** Machine names per agent pool seen just before the change. Best-effort: a pool that could not be read is absent. */
  machinesBefore: Record<string, string[]>;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A handle read back from the browser's storage, or null when it is not one. Checked by hand, not with zod: this
 * runs on the cluster page and the rollout view, where zod would be the largest dependency; the handle is only
 * ever sent back to our own server, which checks the operation URL again before any token goes to it.
 */
export function parseRolloutHandle(value: unknown): RolloutHandle | null {
  if (typeof value !== 'object' || value === null) return null;
  const h = value as Record<string, unknown>;
  if (h.v !== 1 || typeof h.clusterId !== 'string' || !ARM_ID.test(h.clusterId)) return null;
  if (
    h.operationUrl !== undefined &&
    (typeof h.operationUrl !== 'string' ||
      h.operationUrl.length > MAX_HANDLE_OPERATION_URL ||
      !isHttpsUrl(h.operationUrl))
  )
    return null;
  if (typeof h.startedAt !== 'string' || !ISO_UTC.test(h.startedAt) || Number.isNaN(Date.parse(h.startedAt)))
    return null;
  const machines = h.machinesBefore;
  if (typeof machines !== 'object' || machines === null || Array.isArray(machines)) return null;
  for (const [pool, names] of Object.entries(machines)) {
    if (pool.length > 12 || !Array.isArray(names) || names.length > 5000) return null;
    if (!names.every((name) => typeof name === 'string' && name.length <= 80)) return null;
  }
  return {
    v: 1,
    clusterId: h.clusterId,
    ...(h.operationUrl === undefined ? {} : { operationUrl: h.operationUrl as string }),
    startedAt: h.startedAt,
    machinesBefore: machines as Record<string, string[]>,
  };
}

/** The operation id of an Azure-AsyncOperation URL, lower-cased, or null. */
export function operationIdOf(operationUrl: string | undefined | null): string | null {
  const path = operationUrl ? /^https:\/\/[^/?#]+(\/[^?#]*)/i.exec(operationUrl)?.[1] : undefined;
  const match = path ? OPERATION_PATH.exec(path) : null;
  return match ? match[1]!.toLowerCase() : null;
}
