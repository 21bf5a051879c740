import { X509Certificate } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED } from '../seed/clusters';
import { createTestArm, type TestArm } from '../../testing/fake-arm';
import { ORIGINAL_CALLER_ONLY } from './signed-url';

const clusterPath = (c: { subscriptionId: string; resourceGroup: string; name: string }) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
const WEB = clusterPath(SEED.web);

let arm: TestArm;
beforeEach(async () => {
  arm = await createTestArm();
});

async function startRollout(persona = 'owner'): Promise<URL> {
  const cluster = await (await arm.call('GET', WEB)).json();
  const cas = cluster.properties.securityProfile.customCATrustCertificates as string[];
  const r = await arm.call('PUT', WEB, {
    persona,
    body: {
      location: cluster.location,
      properties: { securityProfile: { customCATrustCertificates: cas.slice(0, 1) } },
    },
  });
  expect(r.status).toBe(200);
  return new URL(r.headers.get('azure-asyncoperation')!);
}

const pathOf = (url: URL) => url.pathname + url.search;

async function expectRefused(r: Response): Promise<void> {
  expect(r.status).toBe(403);
  expect((await r.json()).error).toEqual({ code: 'AuthorizationFailed', message: ORIGINAL_CALLER_ONLY });
}

describe('signed operation URLs (azure-facts §13)', () => {
  it('have the recorded shape: ≥ 3,500 characters, provider api-version, t/c/s/h with plain values', async () => {
    const url = await startRollout();
    expect(url.href.length).toBeGreaterThanOrEqual(3500);
    expect([...url.searchParams.keys()]).toEqual(['api-version', 't', 'c', 's', 'h']);
    expect(url.searchParams.get('api-version')).toBe('2025-03-01');
    const t = url.searchParams.get('t')!;
    expect(t).toMatch(/^\d{18}$/);
    // .NET ticks of the fake clock's now
    expect(Number((BigInt(t) - 621_355_968_000_000_000n) / 10_000n)).toBe(arm.clock.t);
    expect(url.searchParams.get('s')).toMatch(/^[A-Za-z0-9_-]{342}$/);
    expect(url.searchParams.get('h')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const c = url.searchParams.get('c')!;
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    const certificate = new X509Certificate(Buffer.from(c, 'base64url'));
    expect(certificate.subject).toContain('asyncoperationsigningcertificate');
    expect(url.search).not.toMatch(/%/);
  });

  it('the original caller reads it; another principal, a stripped or altered URL are refused with the recorded text', async () => {
    const url = await startRollout();
    expect((await arm.call('GET', pathOf(url))).status).toBe(200);
    await expectRefused(await arm.call('GET', pathOf(url), { persona: 'reader' }));
    await expectRefused(await arm.call('GET', `${url.pathname}?api-version=2025-03-01`));
    for (const name of ['t', 'c', 's', 'h']) {
      const missing = new URL(url);
      missing.searchParams.delete(name);
      await expectRefused(await arm.call('GET', pathOf(missing)));
      const altered = new URL(url);
      const value = altered.searchParams.get(name)!;
      altered.searchParams.set(name, (value.at(0) === 'A' ? 'B' : 'A') + value.slice(1));
      await expectRefused(await arm.call('GET', pathOf(altered)));
    }
    // The signature covers the path: the same query on another operation id is refused.
    const other = await arm.call(
      'GET',
      pathOf(url).replace(/operations\/[0-9a-f-]{36}/, 'operations/00000000-0000-4000-8000-000000000000'),
    );
    await expectRefused(other);
  });

  it('a deployer with rights on the cluster can follow its own operation', async () => {
    const url = await startRollout('deployer');
    expect((await (await arm.call('GET', pathOf(url), { persona: 'deployer' })).json()).status).toBe('InProgress');
    await expectRefused(await arm.call('GET', pathOf(url), { persona: 'owner' }));
  });

  it("DELETE's Location (operationresults) is signed too: 202 while running, then 204; other callers refused", async () => {
    const r = await arm.call('DELETE', WEB);
    expect(r.status).toBe(202);
    const location = new URL(r.headers.get('location')!);
    const asyncOperation = new URL(r.headers.get('azure-asyncoperation')!);
    expect(location.pathname).toMatch(/\/operationresults\/[0-9a-f-]{36}$/);
    expect(location.href.length).toBeGreaterThanOrEqual(3500);
    expect(location.searchParams.get('api-version')).toBe('2025-03-01');
    const running = await arm.call('GET', pathOf(location));
    expect(running.status).toBe(202);
    expect(running.headers.get('location')).toBe(location.href);
    await expectRefused(await arm.call('GET', pathOf(location), { persona: 'reader' }));
    // The operations URL's signature does not open operationresults.
    await expectRefused(await arm.call('GET', `${location.pathname}${asyncOperation.search}`));
    arm.advance(10_000);
    expect((await arm.call('GET', pathOf(location))).status).toBe(204);
    expect((await (await arm.call('GET', pathOf(asyncOperation))).json()).status).toBe('Succeeded');
  });
});
