import 'server-only';
import { z } from 'zod';
import type { ActionError } from '../action-result';
import { getConfig } from '../config';
import { decodeRolloutHandle } from '../rollout/handle';
import type { RolloutSnapshot } from '../rollout/snapshot';
import { retryAfterSeconds } from './arm-errors';
import { checkOperationUrl } from './operation-url';
import { clusterId, clusterRefSchema, type ClusterRef } from './resource-names';
import { getRolloutConfig } from './rollout-config';
import { callerKey, SnapshotCoalescer } from './rollout-coalesce';
import { sdkRolloutReader } from './rollout-reader';
import { buildSnapshot } from './rollout-snapshot';
import { runArmAction } from './run-action';

export const rolloutSnapshotInputSchema = z.object({
  cluster: clusterRefSchema,
  /** The encoded rollout handle from the page URL, or null for a rollout started elsewhere. */
  handle: z.string().max(70_000).nullable(),
});

export type RolloutSnapshotError = ActionError & {
  /** Worth trying again after a pause (throttling, ARM or network trouble): the page says "reconnecting". */
  transient: boolean;
  retryAfterSeconds?: number;
};

export type RolloutSnapshotResult = { ok: true; data: RolloutSnapshot } | { ok: false; error: RolloutSnapshotError };

const coalescer = new SnapshotCoalescer();

/** The operation URL to read, or a refusal. Runs before the token is used for anything. */
function operationUrlFor(encodedHandle: string | null, ref: ClusterRef): { ok: true; url: string | null } | { ok: false; error: ActionError } {
  if (encodedHandle === null) return { ok: true, url: null };
  const decoded = decodeRolloutHandle(encodedHandle);
  if (!decoded.ok) return { ok: false, error: { code: 'InvalidRolloutHandle', message: decoded.message, target: 'handle' } };
  if (decoded.handle.clusterId.toLowerCase() !== clusterId(ref).toLowerCase()) {
    return { ok: false, error: { code: 'InvalidRolloutHandle', message: 'The rollout link is for another cluster than this page.', target: 'handle' } };
  }
  if (!decoded.handle.operationUrl) return { ok: true, url: null };
  const check = checkOperationUrl(decoded.handle.operationUrl, getConfig().armEndpoint);
  if (!check.ok) return { ok: false, error: { code: 'ForgedOperationUrl', message: check.reason, target: 'handle.operationUrl' } };
  if (check.operation.subscriptionId !== ref.subscriptionId.toLowerCase()) {
    return { ok: false, error: { code: 'ForgedOperationUrl', message: "The operation URL was refused: it is not in the cluster's subscription.", target: 'handle.operationUrl' } };
  }
  return { ok: true, url: check.operation.url };
}

function isTransient(error: ActionError): boolean {
  if (error.code === 'ArmUnreachable') return true;
  return error.status === 408 || error.status === 429 || (error.status !== undefined && error.status >= 500);
}

/** One rollout snapshot for the caller: validated input, checked operation URL, coalesced ARM reads. */
export async function rolloutSnapshot(token: unknown, input: unknown): Promise<RolloutSnapshotResult> {
  const parsed = rolloutSnapshotInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: { code: 'InvalidArgument', message: issue.message, target: issue.path.join('.') || undefined, transient: false } };
  }
  const operation = operationUrlFor(parsed.data.handle, parsed.data.cluster);
  if (!operation.ok) return { ok: false, error: { ...operation.error, transient: false } };

  let retryAfter: number | undefined;
  const config = getRolloutConfig();
  const result = await runArmAction(token, rolloutSnapshotInputSchema, parsed.data, async (clients, { cluster }) => {
    const key = callerKey(token as string, clusterId(cluster), operation.url);
    try {
      return await coalescer.get(key, config.coalesceMs, (memory) => buildSnapshot(sdkRolloutReader(clients, cluster), memory, { operationUrl: operation.url, pollMs: config.pollMs }));
    } catch (error) {
      retryAfter = retryAfterSeconds((error as { response?: { headers?: { get(name: string): string | undefined } } }).response?.headers);
      throw error;
    }
  });
  if (result.ok) return result;
  return { ok: false, error: { ...result.error, transient: isTransient(result.error), ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) } };
}
