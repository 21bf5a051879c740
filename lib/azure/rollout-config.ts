/**
 * Rollout polling settings, parsed once from the environment with zod like lib/config.ts. ROLLOUT_POLL_MS exists
 * for tests against the emulator: below 5 s it is refused unless ARM is the local emulator.
 */
import { z } from 'zod';
import { ConfigError, getConfig } from '../config';

export const PRODUCT_POLL_MS = 5_000;

export interface RolloutConfig {
  /** How often the browser asks for a snapshot while a rollout runs. */
  pollMs: number;
  /** Snapshots for the same caller and rollout are shared for this long (several tabs, one read). */
  coalesceMs: number;
}

const pollMsSchema = z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(200, 'must be at least 200').max(600_000, 'must be at most 600000');

export function parseRolloutConfig(env: Readonly<Record<string, string | undefined>>, isEmulator: boolean): RolloutConfig {
  const raw = env.ROLLOUT_POLL_MS?.trim();
  let pollMs = PRODUCT_POLL_MS;
  if (raw) {
    const parsed = pollMsSchema.safeParse(raw);
    if (!parsed.success) throw new ConfigError('ROLLOUT_POLL_MS', `${parsed.error.issues[0]?.message ?? 'invalid value'} (got "${raw}")`);
    if (parsed.data < PRODUCT_POLL_MS && !isEmulator) throw new ConfigError('ROLLOUT_POLL_MS', `must be at least ${PRODUCT_POLL_MS} against Azure; shorter intervals are for the local emulator`);
    pollMs = parsed.data;
  }
  // Coalescing may make what a tab sees at most this much older; kept well under the poll interval.
  return { pollMs, coalesceMs: Math.min(3_000, Math.floor(pollMs / 2)) };
}

let cached: RolloutConfig | undefined;

export function getRolloutConfig(): RolloutConfig {
  cached ??= parseRolloutConfig(process.env, getConfig().isEmulator);
  return cached;
}
