import { describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS } from '../../directory';
import { createTestArm } from '../../testing/fake-arm';

const prod = SUBSCRIPTIONS[0]!.subscriptionId;
const LIST = `/subscriptions/${prod}/providers/Microsoft.ContainerService/managedClusters`;

describe('api-version', () => {
  it('missing → 400 MissingApiVersionParameter; malformed → 400 InvalidApiVersionParameter; old on AKS → 400', async () => {
    const arm = await createTestArm();
    const missing = await arm.call('GET', `${LIST}?x=1&api-version=`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe('MissingApiVersionParameter');
    const malformed = await arm.call('GET', `${LIST}?api-version=latest`);
    expect((await malformed.json()).error.code).toBe('InvalidApiVersionParameter');
    const old = await arm.call('GET', `${LIST}?api-version=2024-09-01`);
    expect(old.status).toBe(400);
    expect((await old.json()).error.code).toBe('NoRegisteredProviderFound');
    for (const v of ['2025-01-01', '2025-10-01', '2026-06-01', '2026-03-02-preview']) {
      expect((await arm.call('GET', `${LIST}?api-version=${v}`)).status).toBe(200);
    }
    expect((await arm.call('GET', '/subscriptions?api-version=2022-12-01')).status).toBe(200);
  });
});

describe('headers', () => {
  it('request ids, echoed client request id, remaining reads', async () => {
    const arm = await createTestArm();
    const r = await arm.call('GET', LIST, {
      headers: { 'x-ms-client-request-id': 'abc-123', 'x-ms-correlation-request-id': 'corr-1' },
    });
    expect(r.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('x-ms-correlation-request-id')).toBe('corr-1');
    expect(r.headers.get('x-ms-client-request-id')).toBe('abc-123');
    // Recorded names and values of a first read (azure-facts §13; SDK recordings of 2024-2025 show 249 / 3749).
    expect(r.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toBe('249');
    expect(r.headers.get('x-ms-ratelimit-remaining-subscription-global-reads')).toBe('3749');
    const tenantLevel = await arm.call('GET', '/subscriptions?api-version=2022-12-01');
    expect(tenantLevel.headers.get('x-ms-ratelimit-remaining-tenant-reads')).toBe('249');
    const w = await arm.call(
      'PATCH',
      `/subscriptions/${prod}/resourceGroups/rg-web-prod/providers/Microsoft.ContainerService/managedClusters/aks-web-prod-neu`,
      { body: { tags: {} } },
    );
    expect(Number(w.headers.get('x-ms-ratelimit-remaining-subscription-writes'))).toBeGreaterThan(0);
    expect(Number(w.headers.get('x-ms-ratelimit-remaining-subscription-global-writes'))).toBeGreaterThan(0);
  });
});

describe('paging', () => {
  it('absolute https nextLink on the public base URL, followed to the end', async () => {
    const arm = await createTestArm({ pageSize: 2 });
    const names: string[] = [];
    let url: string | undefined = LIST;
    let pages = 0;
    while (url) {
      const body: { value: Array<{ name: string }>; nextLink?: string } = await (await arm.call('GET', url)).json();
      names.push(...body.value.map((c) => c.name));
      url = body.nextLink;
      if (url) {
        expect(url.startsWith('https://localhost:8443/subscriptions/')).toBe(true);
        url = url.slice('https://localhost:8443'.length);
      }
      pages++;
    }
    expect(names).toHaveLength(5);
    expect(pages).toBe(3);
  });
});

describe('throttling', () => {
  const SUB2 = `/subscriptions/${SUBSCRIPTIONS[1]!.subscriptionId}/providers/Microsoft.ContainerService/managedClusters`;

  it("429 SubscriptionRequestsThrottled with Retry-After once a principal spends a subscription's read bucket; refills", async () => {
    const arm = await createTestArm({ readBucket: { size: 3, refillPerSecond: 1 } });
    for (let i = 0; i < 3; i++) expect((await arm.call('GET', LIST)).status).toBe(200);
    const throttled = await arm.call('GET', LIST);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toBe('0');
    const body = await throttled.json();
    expect(body.error.code).toBe('SubscriptionRequestsThrottled');
    expect(body.error.message).toMatch(/^Number of 'read' requests for subscription '[^']+' actor '[^']+' exceeded\./);
    // the bucket is per subscription and per principal
    expect((await arm.call('GET', SUB2)).status).toBe(200);
    expect((await arm.call('GET', LIST, { persona: 'reader' })).status).toBe(200);
    arm.clock.t += 1_000;
    expect((await arm.call('GET', LIST)).status).toBe(200);
  });

  it('a careless burst of 300 reads on one subscription is throttled by the default 250-token bucket', async () => {
    const arm = await createTestArm();
    const statuses = await Promise.all(Array.from({ length: 300 }, () => arm.call('GET', LIST).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(250);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
  });

  it('the global bucket (15 times, all principals) refuses when many principals share a subscription', async () => {
    const arm = await createTestArm({ readBucket: { size: 1, refillPerSecond: 1 } });
    // owner, reader: 2 of the 15 global tokens; 13 more from the owner are refused by its own bucket first
    expect((await arm.call('GET', LIST)).status).toBe(200);
    expect((await arm.call('GET', LIST, { persona: 'reader' })).status).toBe(200);
    expect((await arm.call('GET', LIST)).headers.get('x-ms-ratelimit-remaining-subscription-global-reads')).toBe('12');
  });

  it('writes have their own bucket; tenant-level reads are TenantRequestsThrottled', async () => {
    const arm = await createTestArm({ readBucket: { size: 1, refillPerSecond: 1 } });
    expect((await arm.call('GET', '/tenants?api-version=2022-12-01')).status).toBe(200);
    const tenant = await arm.call('GET', '/subscriptions?api-version=2022-12-01');
    expect(tenant.status).toBe(429);
    expect((await tenant.json()).error.code).toBe('TenantRequestsThrottled');
  });
});

describe('faults', () => {
  it('an injected fault answers count times, then normal service resumes', async () => {
    const arm = await createTestArm();
    const add = await arm.control.request('/faults', {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', path: 'managedClusters', status: 503, count: 2, retryAfterSeconds: 1 }),
    });
    expect(add.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const r = await arm.call('GET', LIST);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('1');
      expect((await r.json()).error.code).toBe('ServiceUnavailable');
    }
    expect((await arm.call('GET', LIST)).status).toBe(200);
    expect((await (await arm.control.request('/faults')).json()).value).toEqual([]);
  });

  it('regex match, custom code and message; DELETE clears', async () => {
    const arm = await createTestArm();
    await arm.control.request('/faults', {
      method: 'POST',
      body: JSON.stringify({
        pathRegex: '/agentPools$',
        status: 500,
        code: 'InternalOperationError',
        message: 'boom',
        count: 5,
      }),
    });
    const web = `/subscriptions/${prod}/resourceGroups/rg-web-prod/providers/Microsoft.ContainerService/managedClusters/aks-web-prod-neu`;
    expect((await arm.call('GET', web)).status).toBe(200);
    const r = await arm.call('GET', `${web}/agentPools`);
    expect(await r.json()).toEqual({ error: { code: 'InternalOperationError', message: 'boom' } });
    expect((await arm.control.request('/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await arm.call('GET', `${web}/agentPools`)).status).toBe(200);
  });

  it('rejects bad fault bodies', async () => {
    const arm = await createTestArm();
    const r = await arm.control.request('/faults', { method: 'POST', body: JSON.stringify({ status: 200 }) });
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe('InvalidRequest');
    const regex = await arm.control.request('/faults', {
      method: 'POST',
      body: JSON.stringify({ status: 500, pathRegex: '(' }),
    });
    expect(regex.status).toBe(400);
  });
});
