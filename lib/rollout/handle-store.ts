/**
 * The caller's private rollout handles in the browser's localStorage (the contract: keyed by the operation id,
 * tagged with the signed-in account's homeAccountId and ignored for another account, dropped after a few days).
 * Storage is injected, so this is pure and tested without a browser. Never throws: a full or disabled storage
 * only means the view tracks from cluster state, and says so.
 */
import { operationIdOf, parseRolloutHandle, type RolloutHandle } from './handle';

export type HandleStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const HANDLE_KEY_PREFIX = 'aks-ca-trust.rollout.';
export const HANDLE_MAX_AGE_MS = 3 * 24 * 60 * 60_000;

interface StoredHandle {
  v: 1;
  account: string;
  savedAt: number;
  handle: RolloutHandle;
}

/** A stored entry, checked by hand (this runs in the browser; see parseRolloutHandle), or null. */
function parseStored(raw: string | null): StoredHandle | null {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Record<string, unknown>;
  const handle = parseRolloutHandle(stored.handle);
  if (stored.v !== 1 || typeof stored.savedAt !== 'number' || !handle) return null;
  if (typeof stored.account !== 'string' || stored.account.length < 1 || stored.account.length > 512) return null;
  return { v: 1, account: stored.account, savedAt: stored.savedAt, handle };
}

/** The account a handle belongs to: its homeAccountId (MSAL's `<oid>.<tid>`, the same in every tab and tenant). */
export function accountTagOf(account: { homeAccountId: string }): string {
  return account.homeAccountId.toLowerCase();
}

/** Where a handle lives: its operation id, or (when ARM gave no operation URL) the cluster and start time. */
export function handleKey(rollout: { operationId: string | null; clusterId: string; since: string }): string {
  return rollout.operationId
    ? `${HANDLE_KEY_PREFIX}op.${rollout.operationId.toLowerCase()}`
    : `${HANDLE_KEY_PREFIX}at.${rollout.clusterId.toLowerCase()}|${rollout.since}`;
}

export function saveRolloutHandle(
  storage: HandleStorage | null,
  account: string,
  handle: RolloutHandle,
  now = Date.now(),
): boolean {
  if (!storage) return false;
  try {
    pruneRolloutHandles(storage, now);
    const key = handleKey({
      operationId: operationIdOf(handle.operationUrl),
      clusterId: handle.clusterId,
      since: handle.startedAt,
    });
    storage.setItem(key, JSON.stringify({ v: 1, account, savedAt: now, handle }));
    return true;
  } catch {
    return false;
  }
}

export type LoadedHandle =
  | { found: true; handle: RolloutHandle }
  /** none: this browser never held it; other-account: saved for another signed-in account; other-cluster / expired / damaged. */
  | { found: false; reason: 'none' | 'other-account' | 'other-cluster' | 'expired' | 'damaged' | 'unavailable' };

export function loadRolloutHandle(
  storage: HandleStorage | null,
  account: string,
  rollout: { operationId: string | null; clusterId: string; since: string },
  now = Date.now(),
): LoadedHandle {
  if (!storage) return { found: false, reason: 'unavailable' };
  let raw: string | null;
  try {
    raw = storage.getItem(handleKey(rollout));
  } catch {
    return { found: false, reason: 'unavailable' };
  }
  if (raw === null) return { found: false, reason: 'none' };
  const stored = parseStored(raw);
  if (!stored) return { found: false, reason: 'damaged' };
  if (now - stored.savedAt > HANDLE_MAX_AGE_MS) return { found: false, reason: 'expired' };
  if (stored.account !== account) return { found: false, reason: 'other-account' };
  if (stored.handle.clusterId.toLowerCase() !== rollout.clusterId.toLowerCase())
    return { found: false, reason: 'other-cluster' };
  return { found: true, handle: stored.handle };
}

/** This account's handles for a cluster, newest first (for a view opened without a rollout link). */
export function handlesForCluster(
  storage: HandleStorage | null,
  account: string,
  clusterId: string,
  now = Date.now(),
): RolloutHandle[] {
  if (!storage) return [];
  const found: RolloutHandle[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(HANDLE_KEY_PREFIX)) continue;
      const stored = parseStored(storage.getItem(key));
      if (!stored || stored.account !== account || now - stored.savedAt > HANDLE_MAX_AGE_MS) continue;
      if (stored.handle.clusterId.toLowerCase() === clusterId.toLowerCase()) found.push(stored.handle);
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

/** Drops handles older than HANDLE_MAX_AGE_MS and damaged ones. */
export function pruneRolloutHandles(storage: HandleStorage, now = Date.now()): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(HANDLE_KEY_PREFIX)) keys.push(key);
  }
  for (const key of keys) {
    try {
      const savedAt = (JSON.parse(storage.getItem(key) ?? 'null') as { savedAt?: unknown } | null)?.savedAt;
      if (typeof savedAt !== 'number' || now - savedAt > HANDLE_MAX_AGE_MS) storage.removeItem(key);
    } catch {
      storage.removeItem(key);
    }
  }
}

/** localStorage when the browser offers it, else null (private modes, disabled storage, the server). */
export function browserHandleStorage(): HandleStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}
