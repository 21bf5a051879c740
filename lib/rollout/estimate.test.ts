import { describe, expect, it } from 'vitest';
import { addSample, estimateRemainingMs, replacementRate } from './estimate';

describe('time-left estimate', () => {
  it('has no rate before anything was replaced', () => {
    expect(
      replacementRate(
        [
          { at: 0, replaced: 0 },
          { at: 10_000, replaced: 0 },
        ],
        0,
      ),
    ).toBeNull();
    expect(estimateRemainingMs([], 10, 0)).toBeNull();
  });

  it('measures the rate over the samples this page saw', () => {
    const samples = [
      { at: 0, replaced: 2 },
      { at: 60_000, replaced: 8 },
    ];
    expect(replacementRate(samples, null)).toBeCloseTo(6 / 60_000);
    expect(estimateRemainingMs(samples, 20, null)).toBe(120_000);
  });

  it('right after a reload, uses the whole operation from its start', () => {
    expect(estimateRemainingMs([{ at: 100_000, replaced: 10 }], 30, 0)).toBe(200_000);
  });

  it('keeps the first and the latest sample of a run of equal counts', () => {
    let samples = addSample([], { at: 0, replaced: 1 });
    samples = addSample(samples, { at: 5, replaced: 1 });
    samples = addSample(samples, { at: 10, replaced: 1 });
    samples = addSample(samples, { at: 15, replaced: 2 });
    expect(samples).toEqual([
      { at: 0, replaced: 1 },
      { at: 10, replaced: 1 },
      { at: 15, replaced: 2 },
    ]);
  });
});
