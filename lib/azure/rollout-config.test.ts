import { describe, expect, it } from 'vitest';
import { parseRolloutConfig } from './rollout-config';

describe('rollout config', () => {
  it('polls every 5 s by default and coalesces for half of that', () => {
    expect(parseRolloutConfig({}, false)).toEqual({ pollMs: 5000, coalesceMs: 2500 });
  });
  it('allows short intervals only against the emulator', () => {
    expect(parseRolloutConfig({ ROLLOUT_POLL_MS: '1000' }, true)).toEqual({ pollMs: 1000, coalesceMs: 500 });
    expect(() => parseRolloutConfig({ ROLLOUT_POLL_MS: '1000' }, false)).toThrow(/ROLLOUT_POLL_MS: must be at least 5000/);
    expect(parseRolloutConfig({ ROLLOUT_POLL_MS: '10000' }, false).pollMs).toBe(10000);
    expect(() => parseRolloutConfig({ ROLLOUT_POLL_MS: 'fast' }, true)).toThrow(/ROLLOUT_POLL_MS: must be a number/);
  });
});
