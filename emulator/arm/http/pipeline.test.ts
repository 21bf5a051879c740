import { describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS } from '../../directory';
import { createTestArm } from '../testing/fakeArm';

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
    // Recorded names (azure-facts §13).
    expect(Number(r.headers.get('x-ms-ratelimit-remaining-subscription-global-reads'))).toBeGreaterThan(0);
    expect(r.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toBeNull();
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
  it('429 TooManyRequests with Retry-After once the read budget is spent; refills over time', async () => {
    const arm = await createTestArm({ readBudgetPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await arm.call('GET', LIST)).status).toBe(200);
    const throttled = await arm.call('GET', LIST);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('20');
    expect((await throttled.json()).error.code).toBe('TooManyRequests');
    // another principal has its own budget
    expect((await arm.call('GET', LIST, { persona: 'reader' })).status).toBe(200);
    arm.clock.t += 20_000;
    expect((await arm.call('GET', LIST)).status).toBe(200);
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
