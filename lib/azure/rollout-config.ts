/**
 * Rollout polling settings derived from the server configuration (ROLLOUT_POLL_MS is checked at start-up in
 * lib/config.ts with the other settings).
 */
import 'server-only';
import { getConfig } from '../config';

export interface RolloutConfig {
  /** How often the browser asks for a snapshot while a rollout runs. */
  pollMs: number;
  /** Snapshots for the same caller and rollout are shared for this long (several tabs, one read). */
  coalesceMs: number;
}

export function rolloutConfigFor(pollMs: number): RolloutConfig {
  // Coalescing may make what a tab sees at most this much older; kept well under the poll interval.
  return { pollMs, coalesceMs: Math.min(3_000, Math.floor(pollMs / 2)) };
}

export function getRolloutConfig(): RolloutConfig {
  return rolloutConfigFor(getConfig().rolloutPollMs);
}
