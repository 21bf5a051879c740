import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { ReadPacer, readScopeOf, remainingReads, type PacerClock } from './read-pacing';

function fakeClock(): PacerClock & { t: number; slept: number[] } {
  const clock = {
    t: 1_000_000,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

const SUB = 'subscription:00000000-aaaa-4000-8000-000000000001';
const headers = (values: Record<string, string>) => createHttpHeaders(values);

describe('remainingReads / readScopeOf', () => {
  it('takes the lowest of the remaining-reads headers ARM sends', () => {
    expect(
      remainingReads(
        headers({
          'x-ms-ratelimit-remaining-subscription-reads': '249',
          'x-ms-ratelimit-remaining-subscription-global-reads': '3749',
        }),
      ),
    ).toBe(249);
    expect(remainingReads(headers({ 'x-ms-ratelimit-remaining-subscription-global-reads': '12' }))).toBe(12);
    expect(remainingReads(headers({ 'x-ms-ratelimit-remaining-tenant-reads': 'n/a' }))).toBeUndefined();
  });

  it('counts a path against its subscription, tenant-level paths against the tenant', () => {
    expect(readScopeOf('https://management.azure.com/subscriptions/ABC/providers/x?api-version=1')).toBe(
      'subscription:abc',
    );
    expect(readScopeOf('https://management.azure.com/subscriptions?api-version=1')).toBe('tenant');
    expect(readScopeOf('https://management.azure.com/tenants?api-version=1')).toBe('tenant');
  });
});

describe('ReadPacer', () => {
  it('sends at once while ARM reports plenty (or nothing)', async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(clock);
    for (let i = 0; i < 5; i++) {
      await pacer.beforeRead(SUB);
      pacer.afterRead(SUB, 200, headers({ 'x-ms-ratelimit-remaining-subscription-global-reads': String(3000 - i) }));
    }
    await pacer.beforeRead('tenant');
    pacer.afterRead('tenant', 200, headers({}));
    expect(clock.slept).toEqual([]);
  });

  it('slows down when the remaining reads run low: waits for the refill before the next read', async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(clock);
    await pacer.beforeRead(SUB);
    pacer.afterRead(SUB, 200, headers({ 'x-ms-ratelimit-remaining-subscription-reads': '5' }));
    await pacer.beforeRead(SUB);
    // 5 left, low water 20: (20 + 1 - 5) tokens at 25 per second = 640 ms
    expect(clock.slept).toEqual([640]);
    expect(pacer.stats).toMatchObject({ delayedReads: 1, delayedMs: 640 });
    // other subscriptions are not held back
    await pacer.beforeRead('subscription:other');
    expect(clock.slept).toHaveLength(1);
  });

  it('counts reads in flight against what ARM last reported', async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(clock);
    await pacer.beforeRead(SUB);
    pacer.afterRead(SUB, 200, headers({ 'x-ms-ratelimit-remaining-subscription-reads': '23' }));
    await pacer.beforeRead(SUB); // 22 left
    await pacer.beforeRead(SUB); // 21 left
    await pacer.beforeRead(SUB); // 20 left, none of them answered yet
    expect(clock.slept).toEqual([]);
    await pacer.beforeRead(SUB); // at the low water mark: waits
    expect(clock.slept).toHaveLength(1);
  });

  it('after a 429 holds every read of that scope until Retry-After has passed', async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(clock);
    await pacer.beforeRead(SUB);
    pacer.afterRead(SUB, 429, headers({ 'retry-after': '3', 'x-ms-ratelimit-remaining-subscription-reads': '0' }));
    expect(pacer.stats.throttledResponses).toBe(1);
    const start = clock.t;
    await pacer.beforeRead(SUB);
    expect(clock.t - start).toBeGreaterThanOrEqual(3000);
  });
});
