import 'server-only';
import { z } from 'zod';
import { retryClassOf } from '../action-errors';
import type { ActionError } from '../action-result';
import { getConfig } from '../config';
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
  /** The signed operation URL from this browser's private handle, or null (a colleague, another browser, az). */
  operationUrl: z.string().max(8192, 'The operation URL is longer than 8192 characters.').nullable(),
  /** Read the cluster again now (this user just changed it, e.g. an abort), whatever the schedule says. */
  refreshCluster: z.boolean().optional(),
});

/** How the browser should try again after a failure; null: do not (the request will not succeed as it is). */
export interface RetryHint {
  afterMs: number;
  /** Double the pause per consecutive failure (up to a minute). */
  backoff: boolean;
}

export type RolloutSnapshotError = ActionError & {
  /** Worth trying again after a pause (throttling, ARM or network trouble): the page says "reconnecting". */
  transient: boolean;
  retryAfterSeconds?: number;
  retry: RetryHint | null;
};

export type RolloutSnapshotResult = { ok: true; data: RolloutSnapshot } | { ok: false; error: RolloutSnapshotError };

const coalescer = new SnapshotCoalescer();

/** The operation URL to read, or a refusal. Runs before the token is used for anything. */
function operationUrlFor(
  raw: string | null,
  ref: ClusterRef,
): { ok: true; url: string | null } | { ok: false; error: ActionError } {
  if (raw === null) return { ok: true, url: null };
  const check = checkOperationUrl(raw, getConfig().armEndpoint);
  if (!check.ok)
    return { ok: false, error: { code: 'ForgedOperationUrl', message: check.reason, target: 'operationUrl' } };
  if (check.operation.subscriptionId !== ref.subscriptionId.toLowerCase()) {
    return {
      ok: false,
      error: {
        code: 'ForgedOperationUrl',
        message: "The operation URL was refused: it is not in the cluster's subscription.",
        target: 'operationUrl',
      },
    };
  }
  return { ok: true, url: check.operation.url };
}

function isTransient(error: ActionError): boolean {
  return retryClassOf(error.code) === 'retry';
}

function failure(error: ActionError, pollMs: number, retryAfter?: number): { ok: false; error: RolloutSnapshotError } {
  const transient = isTransient(error);
  const retry = transient ? { afterMs: Math.max(pollMs, (retryAfter ?? 0) * 1000), backoff: true } : null;
  return {
    ok: false,
    error: { ...error, transient, ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}), retry },
  };
}

/** One rollout snapshot for the caller: validated input, checked operation URL, coalesced ARM reads. */
export async function rolloutSnapshot(token: unknown, input: unknown): Promise<RolloutSnapshotResult> {
  const config = getRolloutConfig();
  const parsed = rolloutSnapshotInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failure(
      { code: 'InvalidArgument', message: issue.message, target: issue.path.join('.') || undefined },
      config.pollMs,
    );
  }
  const operation = operationUrlFor(parsed.data.operationUrl, parsed.data.cluster);
  if (!operation.ok) return failure(operation.error, config.pollMs);
  let retryAfter: number | undefined;
  const armEndpoint = getConfig().armEndpoint;
  const result = await runArmAction(token, rolloutSnapshotInputSchema, parsed.data, async (clients, { cluster }) => {
    const key = callerKey(token as string, clusterId(cluster), operation.url);
    try {
      return await coalescer.get(key, parsed.data.refreshCluster ? 0 : config.coalesceMs, (memory) =>
        buildSnapshot(sdkRolloutReader(clients, cluster, armEndpoint), memory, {
          operationUrl: operation.url,
          pollMs: config.pollMs,
          refreshCluster: parsed.data.refreshCluster === true,
        }),
      );
    } catch (error) {
      retryAfter = retryAfterSeconds(
        (error as { response?: { headers?: { get(name: string): string | undefined } } }).response?.headers,
      );
      throw error;
    }
  });
  if (result.ok) return result;
  return failure(result.error, config.pollMs, retryAfter);
}
