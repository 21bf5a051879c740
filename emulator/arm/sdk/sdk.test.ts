/**
 * The real @azure/arm-containerservice 25.5.0 and @azure/arm-resources-subscriptions 3.0.0 clients against the
 * real HTTPS emulator (TLS with the local CA, tokens signed by the Entra look-alike).
 */
import { RestError } from '@azure/core-rest-pipeline';
import type { ManagedCluster } from '@azure/arm-containerservice';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../certs';
import { SUBSCRIPTIONS } from '../../directory';
import { SEED } from '../seed/clusters';
import { startHarness, type Harness } from '../../testing/sdk-harness';

const prod = SUBSCRIPTIONS[0]!.subscriptionId;
const WEB = SEED.web;
const BAD_TEXT = 'failed to decode one of SecurityProfile.CustomCATrustCertificates to PEM after base64 decoding';

let h: Harness;
let owner: string;
let newCaPem: string;

beforeAll(async () => {
  h = await startHarness();
  expect(h.emulator.arm).toBe(true);
  owner = await h.token('owner');
  newCaPem = (await issueCertificate({ subject: 'CN=SDK Test Root CA, O=aks-ca-trust', isCA: true })).certPem;
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  expect((await h.control('POST', '/reset')).status).toBe(200);
});

const clusters = (token = owner) => h.containerService(token, prod).managedClusters;
const decode = (list: Uint8Array[] | undefined) => (list ?? []).map((u8) => new TextDecoder().decode(u8));

async function rejection(promise: Promise<unknown>): Promise<RestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestError);
  return error as RestError;
}

/** GET → modify only the CA list → PUT, as the dashboard does. */
function withCas(cluster: ManagedCluster, pems: string[]): ManagedCluster {
  return {
    ...cluster,
    securityProfile: {
      ...cluster.securityProfile,
      customCATrustCertificates: pems.map((p) => new TextEncoder().encode(p)),
    },
  };
}

describe('subscriptions', () => {
  it('lists the caller’s subscriptions and tenants', async () => {
    const client = h.subscriptions(owner);
    const subs = [];
    for await (const s of client.subscriptions.list()) subs.push(s);
    expect(subs.map((s) => s.displayName)).toEqual(['contoso-prod', 'contoso-staging']);
    expect(subs[0]).toMatchObject({ subscriptionId: prod, state: 'Enabled', tenantId: SUBSCRIPTIONS[0]!.tenantId });
    const tenants = [];
    for await (const t of client.tenants.list()) tenants.push(t);
    expect(tenants.length).toBe(2);
  });
});

describe('managed clusters', () => {
  it('lists with paging (nextLink followed by the SDK) and gets one', async () => {
    await h.control('PUT', '/settings', { pageSize: 2 });
    const names = [];
    for await (const c of clusters().list()) names.push(c.name);
    expect(names.sort()).toEqual(
      [SEED.legacy.name, SEED.payments.name, SEED.web.name, SEED.big400.name, SEED.big1000.name].sort(),
    );
    const byRg = [];
    for await (const c of clusters().listByResourceGroup(WEB.resourceGroup)) byRg.push(c.name);
    expect(byRg).toEqual([WEB.name]);
    const cluster = await clusters().get(WEB.resourceGroup, WEB.name);
    expect(cluster.provisioningState).toBe('Succeeded');
    expect(cluster.agentPoolProfiles?.[0]?.type).toBe('VirtualMachineScaleSets');
    const pool = await h.containerService(owner, prod).agentPools.get(WEB.resourceGroup, WEB.name, 'web');
    expect(pool).toMatchObject({
      typePropertiesType: 'VirtualMachineScaleSets',
      osType: 'Linux',
      count: 6,
      upgradeSettings: { maxSurge: '2' },
    });
    expect(pool.eTag).toBeUndefined(); // real bodies carry none (azure-facts §13)
    expect(cluster.id).toContain('/resourcegroups/');
    expect(decode(cluster.securityProfile?.customCATrustCertificates)).toHaveLength(2);
    expect(decode(cluster.securityProfile?.customCATrustCertificates)[0]).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('createOrUpdate through the poller to Succeeded, new CA list read back; replace gives new names, reimage keeps them', async () => {
    const client = h.containerService(owner, prod);
    const machinesOf = async (c: { resourceGroup: string; name: string }, pool: string) => {
      const names = [];
      for await (const m of client.machines.list(c.resourceGroup, c.name, pool)) names.push(m.name!);
      return names;
    };
    for (const [target, pool, behaviour] of [
      [SEED.payments, 'batch', 'replace'],
      [WEB, 'web', 'reimage'],
    ] as const) {
      const before = await machinesOf(target, pool);
      const cluster = await client.managedClusters.get(target.resourceGroup, target.name);
      const existing = decode(cluster.securityProfile?.customCATrustCertificates);
      const result = await client.managedClusters.createOrUpdate(
        target.resourceGroup,
        target.name,
        withCas(cluster, [existing[0]!, newCaPem]),
        {
          updateIntervalInMs: 50,
        },
      );
      expect(result.provisioningState).toBe('Succeeded');
      expect(decode(result.securityProfile?.customCATrustCertificates)).toEqual([existing[0], newCaPem]);
      const again = await client.managedClusters.get(target.resourceGroup, target.name);
      expect(decode(again.securityProfile?.customCATrustCertificates)).toEqual([existing[0], newCaPem]);
      const after = await machinesOf(target, pool);
      expect(after).toHaveLength(before.length);
      if (behaviour === 'replace') expect(after.filter((n) => before.includes(n))).toEqual([]);
      else expect(after).toEqual(before);
      const pools = [];
      for await (const p of client.agentPools.list(target.resourceGroup, target.name)) pools.push(p);
      expect(pools.every((p) => p.provisioningState === 'Succeeded')).toBe(true);
    }
  });

  it('removal with [] reads back without the field', async () => {
    const cluster = await clusters().get(WEB.resourceGroup, WEB.name);
    const result = await clusters().createOrUpdate(WEB.resourceGroup, WEB.name, withCas(cluster, []), {
      updateIntervalInMs: 50,
    });
    expect(result.securityProfile?.customCATrustCertificates).toBeUndefined();
    const again = await clusters().get(WEB.resourceGroup, WEB.name);
    expect(again.securityProfile?.customCATrustCertificates).toBeUndefined();
  });

  it('ifMatch mismatch → 412 on a cluster that carries eTags', async () => {
    const PAY = SEED.payments;
    const cluster = await clusters().get(PAY.resourceGroup, PAY.name);
    expect(cluster.eTag).toMatch(/^[0-9a-f-]{36}$/);
    const error = await rejection(
      clusters().createOrUpdate(PAY.resourceGroup, PAY.name, withCas(cluster, [newCaPem]), {
        ifMatch: 'stale-etag',
        updateIntervalInMs: 50,
      }),
    );
    expect(error.statusCode).toBe(412);
    expect(error.code).toBe('PreconditionFailed');
  });

  it('a write during a rollout → 409 OperationNotAllowed', async () => {
    await h.control('PUT', '/speed', { msPerBatch: 200 });
    const cluster = await clusters().get(WEB.resourceGroup, WEB.name);
    const first = clusters().createOrUpdate(WEB.resourceGroup, WEB.name, withCas(cluster, [newCaPem]), {
      updateIntervalInMs: 50,
    });
    await first.submitted();
    const error = await rejection(
      clusters().createOrUpdate(WEB.resourceGroup, WEB.name, withCas(cluster, []), { updateIntervalInMs: 50 }),
    );
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('OperationNotAllowed');
    expect(error.message).toContain('Another operation (Updating) is in progress');
    await h.control('PUT', '/speed', { msPerBatch: 10 });
    expect((await first).provisioningState).toBe('Succeeded');
  });

  it('a failed rollout rejects the poller with the ARM error', async () => {
    await h.control('POST', '/rollouts/fail-next', {
      code: 'NodeDrainFailed',
      message: 'Drain of node timed out.',
      afterBatches: 2,
    });
    const cluster = await clusters().get(WEB.resourceGroup, WEB.name);
    const poller = clusters().createOrUpdate(WEB.resourceGroup, WEB.name, withCas(cluster, [newCaPem]), {
      updateIntervalInMs: 50,
    });
    await expect(poller).rejects.toThrow(
      'The long-running operation has failed. NodeDrainFailed. Drain of node timed out.',
    );
    expect((await clusters().get(WEB.resourceGroup, WEB.name)).provisioningState).toBe('Failed');
  });

  it('malformed entry → 400 InvalidParameter with AKS text', async () => {
    const cluster = await clusters().get(WEB.resourceGroup, WEB.name);
    const error = await rejection(
      clusters().createOrUpdate(WEB.resourceGroup, WEB.name, withCas(cluster, ['not a certificate']), {
        updateIntervalInMs: 50,
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('InvalidParameter');
    expect(error.message).toBe(BAD_TEXT);
  });

  it('reader → 403 AuthorizationFailed; bad token → 401', async () => {
    const reader = await h.token('reader');
    const cluster = await clusters(reader).get(WEB.resourceGroup, WEB.name);
    const forbidden = await rejection(
      clusters(reader).createOrUpdate(WEB.resourceGroup, WEB.name, withCas(cluster, [newCaPem]), {
        updateIntervalInMs: 50,
      }),
    );
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.code).toBe('AuthorizationFailed');
    expect(forbidden.message).toContain("'Microsoft.ContainerService/managedClusters/write'");
    const unauthorized = await rejection(clusters(`${owner.slice(0, -4)}AAAA`).get(WEB.resourceGroup, WEB.name));
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.code).toBe('InvalidAuthenticationToken');
  });

  it('a 429 with Retry-After is retried by the SDK', async () => {
    const fault = await h.control('POST', '/faults', {
      method: 'GET',
      path: `/managedClusters/${WEB.name}`,
      status: 429,
      count: 1,
      retryAfterSeconds: 1,
    });
    expect(fault.status).toBe(201);
    const started = Date.now();
    const cluster = await clusters().get(WEB.resourceGroup, WEB.name);
    expect(cluster.name).toBe(WEB.name);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(((await h.control('GET', '/faults')).body as { value: unknown[] }).value).toEqual([]);
  });
});
