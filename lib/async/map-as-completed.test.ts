import { describe, expect, it } from 'vitest';
import { mapAsCompleted } from './map-as-completed';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapAsCompleted', () => {
  it('yields in completion order and never runs more than the limit at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const delays = [40, 10, 30, 5, 20, 1];
    const order: number[] = [];
    for await (const result of mapAsCompleted(delays, 3, async (ms) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(ms);
      inFlight--;
      return ms;
    })) {
      if (result.ok) order.push(result.value);
    }
    expect(peak).toBe(3);
    expect(order).toHaveLength(6);
    expect(order.indexOf(10)).toBeLessThan(order.indexOf(40));
  });

  it('reports a failure for its item and carries on with the rest', async () => {
    const results = [];
    for await (const result of mapAsCompleted(['a', 'boom', 'c'], 2, async (item) => {
      if (item === 'boom') throw new Error('nope');
      return item.toUpperCase();
    }))
      results.push(result);
    expect(
      results
        .filter((r) => r.ok)
        .map((r) => r.ok && r.value)
        .sort(),
    ).toEqual(['A', 'C']);
    expect(results.find((r) => !r.ok)).toMatchObject({ item: 'boom', ok: false });
  });

  it('finishes at once on no items', async () => {
    const results = [];
    for await (const result of mapAsCompleted([], 4, async () => 1)) results.push(result);
    expect(results).toEqual([]);
  });
});
