/**
 * Shares rollout snapshots between the tabs of one signed-in user for a few seconds, and keeps what earlier
 * snapshots read so that unchanged parts are not read again. Keyed by a SHA-256 of the caller's token (plus the
 * cluster and operation): never shared between callers, and the token itself is never kept.
 */
import { createHash } from 'node:crypto';
import type { RolloutSnapshot } from '../rollout/snapshot';
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
  get(key: string, coalesceMs: number, build: (memory: ReadMemory) => Promise<RolloutSnapshot>): Promise<RolloutSnapshot> {
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
        Object.assign(current, { snapshot: undefined, failure: error, settledAt: this.clock(), inflight: undefined });
        throw error;
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
