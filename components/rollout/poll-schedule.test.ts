import { describe, expect, it } from 'vitest';
import { delayAfterFailure, delayAfterSuccess } from './poll-schedule';

describe('rollout poll schedule', () => {
  it('follows the server interval after a snapshot', () => {
    expect(delayAfterSuccess(5000)).toBe(5000);
    expect(delayAfterSuccess(30_000)).toBe(30_000);
  });
  it('backs off exponentially on consecutive failures, up to a minute, and honours Retry-After', () => {
    expect([1, 2, 3, 4, 5].map((n) => delayAfterFailure(5000, n))).toEqual([5000, 10_000, 20_000, 40_000, 60_000]);
    expect(delayAfterFailure(null, 1)).toBe(5000);
    expect(delayAfterFailure(5000, 1, 17)).toBe(17_000);
    expect(delayAfterFailure(1000, 2)).toBe(2000);
  });
});
