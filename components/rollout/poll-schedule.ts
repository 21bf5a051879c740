/**
 * When the rollout page asks for the next snapshot. Pure, so the rules are stated (and tested) in one place:
 * - after a snapshot: the server's pollAfterMs (its configured interval, or ARM's Retry-After when larger);
 * - after a failure: exponential backoff from that interval, doubling per consecutive failure up to 60 s, and
 *   never sooner than a Retry-After;
 * - never sooner than 1 s whatever the server says.
 */

export const DEFAULT_POLL_MS = 5_000;
export const MAX_BACKOFF_MS = 60_000;
const FLOOR_MS = 200;

export function delayAfterSuccess(pollAfterMs: number): number {
  return Math.max(FLOOR_MS, pollAfterMs);
}

export function delayAfterFailure(lastPollMs: number | null, consecutiveFailures: number, retryAfterSeconds?: number): number {
  const base = Math.max(FLOOR_MS, lastPollMs ?? DEFAULT_POLL_MS);
  const backoff = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}
