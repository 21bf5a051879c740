import { describe, expect, it } from 'vitest';
import type { RolloutSnapshot } from '../rollout/snapshot';
import { callerKey, SnapshotCoalescer, withoutRequest } from './rollout-coalesce';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxIn0.c2ln';
const CLUSTER = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1';
const snapshot = (n: number) => ({ at: String(n) }) as RolloutSnapshot;

describe('SnapshotCoalescer', () => {
  it('gives 20 concurrent tabs of one caller one build, and builds again after the window', async () => {
    let now = 0;
    const coalescer = new SnapshotCoalescer(() => now);
    let builds = 0;
    const build = async () => snapshot(++builds);
    const key = callerKey(TOKEN, CLUSTER, 'https://arm/op');
    const all = await Promise.all(Array.from({ length: 20 }, () => coalescer.get(key, 3000, build)));
    expect(builds).toBe(1);
    expect(new Set(all).size).toBe(1);
    now = 2999;
    await coalescer.get(key, 3000, build);
    expect(builds).toBe(1);
    now = 3000;
    await coalescer.get(key, 3000, build);
    expect(builds).toBe(2);
  });

  it('never shares between callers and never keeps the token', async () => {
    const coalescer = new SnapshotCoalescer(() => 0);
    const a = callerKey(TOKEN, CLUSTER, null);
    const b = callerKey(`${TOKEN}x`, CLUSTER, null);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toContain(TOKEN.split('.')[1]);
    await coalescer.get(a, 3000, async () => snapshot(1));
    expect((await coalescer.get(b, 3000, async () => snapshot(2))).at).toBe('2');
  });

  it('keeps read memory for the same caller between builds', async () => {
    let now = 0;
    const coalescer = new SnapshotCoalescer(() => now);
    const key = callerKey(TOKEN, CLUSTER, null);
    const memories: unknown[] = [];
    const build = async (memory: unknown) => (memories.push(memory), snapshot(memories.length));
    await coalescer.get(key, 1000, build);
    now = 5000;
    await coalescer.get(key, 1000, build);
    expect(memories[0]).toBe(memories[1]);
  });

  it('shares a failure for the window so that tabs do not retry at once, then tries again', async () => {
    let now = 0;
    const coalescer = new SnapshotCoalescer(() => now);
    const key = callerKey(TOKEN, CLUSTER, null);
    let calls = 0;
    const failing = async () => {
      calls++;
      throw Object.assign(new Error('throttled'), { statusCode: 429 });
    };
    await expect(coalescer.get(key, 3000, failing)).rejects.toThrow('throttled');
    await expect(coalescer.get(key, 3000, failing)).rejects.toThrow('throttled');
    expect(calls).toBe(1);
    now = 3000;
    expect((await coalescer.get(key, 3000, async () => snapshot(9))).at).toBe('9');
  });
});

describe('withoutRequest', () => {
  it('keeps status, code, message and Retry-After, and drops the request with its Authorization header', () => {
    const restError = Object.assign(new Error('Too many requests'), {
      name: 'RestError',
      code: 'TooManyRequests',
      statusCode: 429,
      request: { headers: { get: () => `Bearer ${TOKEN}` } },
      response: {
        headers: { get: (name: string) => (name === 'retry-after' ? '4' : undefined) },
        request: { headers: { authorization: `Bearer ${TOKEN}` } },
      },
    });
    const kept = withoutRequest(restError) as Error & {
      statusCode: number;
      code: string;
      response: { headers: { get(n: string): string | undefined } };
    };
    expect(kept).toMatchObject({
      message: 'Too many requests',
      name: 'RestError',
      code: 'TooManyRequests',
      statusCode: 429,
    });
    expect(kept.response.headers.get('Retry-After')).toBe('4');
    expect(JSON.stringify(kept)).not.toContain(TOKEN);
    expect('request' in kept).toBe(false);
  });
});
