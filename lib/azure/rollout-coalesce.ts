/**
 * Shares rollout snapshots between the tabs of one signed-in user for a few seconds, and keeps what earlier
 * snapshots read so that unchanged parts are not read again. Keyed by a SHA-256 of the caller's token (plus the
 * cluster and operation): never shared between callers, and the token itself is never kept.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type { RolloutSnapshot } from '../rollout/snapshot';
import { ArmResponseError } from './models';
import { emptyMemory, type ReadMemory } from './rollout-snapshot';

interface Entry {
  memory: ReadMemory;
  snapshot?: RolloutSnapshot;
  failure?: unknown;
  settledAt: number;
  inflight?: Promise<RolloutSnapshot>;
  lastUsed: number;
}

const MAX_ENTRIES = 1_000;
const IDLE_EVICT_MS = 10 * 60_000;

export function callerKey(token: string, clusterId: string, operationUrl: string | null): string {
  const tokenHash = createHash('sha256').update(token).digest('base64url');
  return `${tokenHash}|${clusterId.toLowerCase()}|${operationUrl ?? '-'}`;
}

export class SnapshotCoalescer {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The snapshot for this key: the one being built (joined), one settled less than `coalesceMs` ago (shared,
   * also a failure, so that many tabs do not retry at once), or a new one built from the key's read memory.
   */
  get(
    key: string,
    coalesceMs: number,
    build: (memory: ReadMemory) => Promise<RolloutSnapshot>,
  ): Promise<RolloutSnapshot> {
    const now = this.clock();
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key); // re-inserted below: Map order is least recently used first
    entry ??= { memory: emptyMemory(), settledAt: -Infinity, lastUsed: now };
    entry.lastUsed = now;
    this.entries.set(key, entry);
    this.evict(now);

    if (entry.inflight) return entry.inflight;
    if (now - entry.settledAt < coalesceMs) {
      if (entry.snapshot) return Promise.resolve(entry.snapshot);
      if (entry.failure !== undefined) return Promise.reject(entry.failure);
    }
    const current = entry;
    current.inflight = build(current.memory).then(
      (snapshot) => {
        Object.assign(current, { snapshot, failure: undefined, settledAt: this.clock(), inflight: undefined });
        return snapshot;
      },
      (error: unknown) => {
        const failure = withoutRequest(error);
        Object.assign(current, { snapshot: undefined, failure, settledAt: this.clock(), inflight: undefined });
        throw failure;
      },
    );
    return current.inflight;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && now - entry.lastUsed < IDLE_EVICT_MS) break;
      if (!entry.inflight) this.entries.delete(key);
    }
  }
}

const RETRY_HEADERS = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'];

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  cause?: { code?: string };
  response?: { headers?: { get(name: string): string | undefined } };
}

/**
 * What is kept of a failure while it is shared: name, message, codes and the retry headers. An SDK RestError
 * also holds the request, whose Authorization header carries the caller's token; that is never kept.
 */
export function withoutRequest(error: unknown): Error {
  if (error instanceof ArmResponseError) return error; // our own, holds nothing but a message
  const source = (error ?? {}) as ErrorLike;
  const headers = Object.fromEntries(
    RETRY_HEADERS.flatMap((name) => {
      const value = source.response?.headers?.get(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return Object.assign(new Error(source.message ?? String(error)), {
    name: source.name ?? 'Error',
    ...(source.code !== undefined ? { code: source.code } : {}),
    ...(source.statusCode !== undefined ? { statusCode: source.statusCode } : {}),
    ...(source.cause?.code ? { cause: { code: source.cause.code } } : {}),
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
  });
}
