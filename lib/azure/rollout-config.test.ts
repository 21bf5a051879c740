import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { rolloutConfigFor } from './rollout-config';

const BASE = { AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555' };
const EMULATOR = { ...BASE, ARM_ENDPOINT: 'https://localhost:8644' };

describe('rollout config (ROLLOUT_POLL_MS, checked at start-up in lib/config.ts)', () => {
  it('polls every 5 s by default and coalesces for half of that', () => {
    expect(parseConfig(BASE).rolloutPollMs).toBe(5000);
    expect(rolloutConfigFor(parseConfig(BASE).rolloutPollMs)).toEqual({ pollMs: 5000, coalesceMs: 2500 });
  });

  it('allows short intervals only against the emulator', () => {
    expect(parseConfig({ ...EMULATOR, ROLLOUT_POLL_MS: '1000' }).rolloutPollMs).toBe(1000);
    expect(rolloutConfigFor(1000)).toEqual({ pollMs: 1000, coalesceMs: 500 });
    expect(() => parseConfig({ ...BASE, ROLLOUT_POLL_MS: '1000' })).toThrow(/ROLLOUT_POLL_MS: must be at least 5000/);
    expect(parseConfig({ ...BASE, ROLLOUT_POLL_MS: '10000' }).rolloutPollMs).toBe(10000);
    expect(() => parseConfig({ ...EMULATOR, ROLLOUT_POLL_MS: 'fast' })).toThrow(/ROLLOUT_POLL_MS: must be a number/);
    expect(() => parseConfig({ ...EMULATOR, ROLLOUT_POLL_MS: '100' })).toThrow(/ROLLOUT_POLL_MS: must be at least 200/);
  });
});
