import { X509Certificate } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED } from '../seed/clusters';
import { createTestArm, type TestArm } from '../../testing/fake-arm';

const clusterPath = (c: { subscriptionId: string; resourceGroup: string; name: string }) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
const WEB = clusterPath(SEED.web);
const BAD_TEXT = 'failed to decode one of SecurityProfile.CustomCATrustCertificates to PEM after base64 decoding';

let arm: TestArm;
beforeEach(async () => {
  arm = await createTestArm();
});

async function get(path: string) {
  const r = await arm.call('GET', path);
  expect(r.status).toBe(200);
  return r.json();
}

/** The GET body minus read-only fields, with a new CA list: what an SDK GET → modify → PUT sends. */
async function putCas(path: string, cas: string[] | undefined, headers: Record<string, string> = {}) {
  const cluster = await get(path);
  const body = { location: cluster.location, tags: cluster.tags, properties: { ...cluster.properties } };
  if (cas === undefined) delete body.properties.securityProfile;
  else body.properties.securityProfile = { customCATrustCertificates: cas };
  return arm.call('PUT', path, { body, headers });
}

describe('PUT managedClusters', () => {
  it('update: 200 Updating with an absolute https Azure-AsyncOperation; the operation completes', async () => {
    const cluster = await get(WEB);
    const cas = cluster.properties.securityProfile.customCATrustCertificates as string[];
    const r = await putCas(WEB, [cas[0]!]);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.properties.provisioningState).toBe('Updating');
    expect(body.properties.agentPoolProfiles.map((p: { provisioningState: string }) => p.provisioningState)).toEqual([
      'Updating',
      'Updating',
    ]);
    // No eTag in real bodies (azure-facts §13); ids with lower-case resourcegroups, type ManagedClusters.
    expect(body.eTag).toBeUndefined();
    expect(cluster.eTag).toBeUndefined();
    expect(body.properties.agentPoolProfiles[0].eTag).toBeUndefined();
    expect(body.id).toBe(WEB.replace('/resourceGroups/', '/resourcegroups/'));
    expect(body.type).toBe('Microsoft.ContainerService/ManagedClusters');
    const asyncUrl = new URL(r.headers.get('azure-asyncoperation')!);
    expect(asyncUrl.origin).toBe('https://localhost:8443');
    expect(asyncUrl.pathname).toMatch(
      /^\/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerService\/locations\/northeurope\/operations\/[0-9a-f-]{36}$/,
    );
    // The provider's own api-version, not the caller's 2026-06-01; signed t/c/s/h in the recorded shape.
    expect([...asyncUrl.searchParams.keys()]).toEqual(['api-version', 't', 'c', 's', 'h']);
    expect(asyncUrl.searchParams.get('api-version')).toBe('2025-03-01');

    const operation = await get(asyncUrl.pathname + asyncUrl.search);
    expect(operation).toMatchObject({ status: 'InProgress' });
    expect(operation.name).toBe(asyncUrl.pathname.split('/').pop());

    const during = await arm.call('PUT', WEB, { body: { location: 'northeurope' } });
    expect(during.status).toBe(409);
    expect((await during.json()).error).toEqual({
      code: 'OperationNotAllowed',
      message:
        'Operation is not allowed: Another operation (Updating) is in progress, please wait for it to finish before starting a new operation. See https://aka.ms/aks-pending-operation for more details',
    });

    arm.advance(60_000);
    const done = await get(asyncUrl.pathname + asyncUrl.search);
    expect(done.status).toBe('Succeeded');
    expect(done.endTime).toBeDefined();
    const after = await get(WEB);
    expect(after.properties.provisioningState).toBe('Succeeded');
    expect(after.properties.securityProfile.customCATrustCertificates).toEqual([cas[0]]);
  });

  it('[] removes the list: later reads show "securityProfile":{}', async () => {
    expect((await putCas(WEB, [])).status).toBe(200);
    arm.advance(60_000);
    expect((await get(WEB)).properties.securityProfile).toEqual({});
  });

  it('a PUT without the field keeps the list and causes no machine churn (U6, U8)', async () => {
    const before = await get(WEB);
    const machines = await get(`${WEB}/agentPools/web/machines`);
    expect((await putCas(WEB, undefined)).status).toBe(200);
    arm.advance(10_000);
    const after = await get(WEB);
    expect(after.properties.securityProfile).toEqual(before.properties.securityProfile);
    expect(after.properties.provisioningState).toBe('Succeeded');
    expect(await get(`${WEB}/agentPools/web/machines`)).toEqual(machines);
  });

  it('400 InvalidParameter with AKS text for entries that are not base64 of a PEM certificate', async () => {
    const good = (await get(WEB)).properties.securityProfile.customCATrustCertificates[0] as string;
    const pem = Buffer.from(good, 'base64').toString('utf8');
    new X509Certificate(pem); // the seed is a real certificate
    const cases = [
      'not base64!',
      Buffer.from('hello').toString('base64'),
      Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n').toString('base64'),
      Buffer.from(pem.replace('CERTIFICATE', 'PUBLIC KEY')).toString('base64'),
      pem,
    ];
    for (const entry of cases) {
      const r = await putCas(WEB, [good, entry]);
      expect(r.status, entry.slice(0, 20)).toBe(400);
      expect((await r.json()).error).toMatchObject({ code: 'InvalidParameter', message: BAD_TEXT });
    }
    const tooMany = await putCas(
      WEB,
      Array.from({ length: 11 }, () => good),
    );
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.code).toBe('InvalidParameter');
    const crlf = Buffer.from(pem.replace(/\n/g, '\r\n')).toString('base64');
    expect((await putCas(WEB, [crlf])).status).toBe(200);
  });

  it('If-Match on a cluster that carries eTags: mismatch 412, match 200; If-None-Match * on an existing cluster 412', async () => {
    const PAYMENTS = clusterPath(SEED.payments);
    const cluster = await get(PAYMENTS);
    expect(cluster.eTag).toMatch(/^[0-9a-f-]{36}$/);
    const cas = cluster.properties.securityProfile.customCATrustCertificates;
    const mismatch = await putCas(PAYMENTS, cas, { 'if-match': '00000000-0000-0000-0000-000000000000' });
    expect(mismatch.status).toBe(412);
    expect((await mismatch.json()).error.code).toBe('PreconditionFailed');
    expect((await putCas(PAYMENTS, cas, { 'if-none-match': '*' })).status).toBe(412);
    const ok = await putCas(PAYMENTS, cas, { 'if-match': cluster.eTag });
    expect(ok.status).toBe(200);
    expect((await ok.json()).eTag).not.toBe(cluster.eTag);
  });

  it('invalid JSON and schema errors are 400 in ARM shape', async () => {
    const r = await arm.call('PUT', WEB, { body: '{nope' });
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe('InvalidRequestContent');
    const bad = await arm.call('PUT', WEB, {
      body: { location: 'northeurope', properties: { agentPoolProfiles: [{ name: 'web', count: -1 }] } },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: 'InvalidParameter',
      target: 'properties.agentPoolProfiles.0.count',
    });
  });

  it('create: 201 Creating, machines appear, then Succeeded', async () => {
    const path = clusterPath({ ...SEED.web, name: 'aks-new' });
    const r = await arm.call('PUT', path, {
      body: {
        location: 'northeurope',
        properties: { dnsPrefix: 'aks-new', agentPoolProfiles: [{ name: 'nodepool1', count: 2, mode: 'System' }] },
      },
    });
    expect(r.status).toBe(201);
    expect((await r.json()).properties.provisioningState).toBe('Creating');
    arm.advance(10_000);
    expect((await get(path)).properties.provisioningState).toBe('Succeeded');
    expect((await get(`${path}/agentPools/nodepool1/machines`)).value).toHaveLength(2);
  });

  it('PATCH tags and DELETE', async () => {
    const patched = await arm.call('PATCH', WEB, { body: { tags: { a: 'b' } } });
    expect(patched.status).toBe(200);
    expect((await patched.json()).tags).toEqual({ a: 'b' });
    const deleted = await arm.call('DELETE', WEB);
    expect(deleted.status).toBe(202);
    expect(deleted.headers.get('location')).toMatch(/\/operationresults\//);
    arm.advance(10_000);
    expect((await arm.call('GET', WEB)).status).toBe(404);
    expect((await arm.call('DELETE', WEB)).status).toBe(204);
  });
});

describe('agent pools and machines', () => {
  it('agent pool resource view uses properties.type; properties.eTag only where the cluster carries eTags', async () => {
    const pools = await get(`${WEB}/agentPools`);
    expect(pools.value[0]).toMatchObject({
      name: 'nodepool1',
      type: 'Microsoft.ContainerService/managedClusters/agentPools',
      properties: { type: 'VirtualMachineScaleSets', osType: 'Linux', upgradeSettings: { maxSurge: '33%' } },
    });
    expect(pools.value[0].properties.eTag).toBeUndefined();
    expect(pools.value[0].id).toContain('/resourcegroups/');
    const payments = await get(`${clusterPath(SEED.payments)}/agentPools`);
    expect(payments.value[0].properties.eTag).toMatch(/^[0-9a-f-]{36}$/);
    expect((await arm.call('GET', `${WEB}/agentPools/nope`)).status).toBe(404);
  });

  it('machines get by name', async () => {
    const list = await get(`${WEB}/agentPools/web/machines`);
    const first = list.value[0];
    expect(first.name).toMatch(/^aks-web-\d{8}-vmss000000$/);
    expect(await get(`${WEB}/agentPools/web/machines/${first.name}`)).toEqual(first);
  });
});

describe('abort (azure-facts §13)', () => {
  it('202 with signed Azure-AsyncOperation and Location; cluster Canceling, then Canceled; the rollout ends Canceled', async () => {
    const cluster = await get(WEB);
    const r = await putCas(WEB, cluster.properties.securityProfile.customCATrustCertificates.slice(0, 1));
    const op = new URL(r.headers.get('azure-asyncoperation')!);
    arm.advance(2_000);
    const abort = await arm.call('POST', `${WEB}/abort`);
    expect(abort.status).toBe(202);
    const abortOp = new URL(abort.headers.get('azure-asyncoperation')!);
    expect(abortOp.searchParams.get('api-version')).toBe('2025-03-01');
    expect(abortOp.searchParams.get('h')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(abort.headers.get('location')).toMatch(/\/operationresults\/[0-9a-f-]{36}\?api-version=2025-03-01&t=/);
    expect((await get(WEB)).properties.provisioningState).toBe('Canceling');
    expect((await get(op.pathname + op.search)).status).toBe('ReconcilingDNS');
    expect((await get(abortOp.pathname + abortOp.search)).status).toBe('InProgress');
    const during = await putCas(WEB, []);
    expect(during.status).toBe(409);
    expect((await during.json()).error.message).toContain('Another operation (Canceling)');
    expect((await arm.call('POST', `${WEB}/abort`)).status).toBe(409);
    arm.advance(1_000);
    expect(await get(op.pathname + op.search)).toMatchObject({
      status: 'Canceled',
      error: { code: 'OperationCanceled' },
    });
    expect((await get(abortOp.pathname + abortOp.search)).status).toBe('Succeeded');
    expect((await get(WEB)).properties.provisioningState).toBe('Canceled');
    expect((await arm.call('POST', `${WEB}/abort`)).status).toBe(409);
  });
});

describe('stopped cluster (azure-facts §13)', () => {
  it('a PUT is refused with 400 (invented text); PATCH tags still works', async () => {
    const DEV = clusterPath(SEED.dev);
    const cluster = await get(DEV);
    expect(cluster.properties.powerState.code).toBe('Stopped');
    const r = await arm.call('PUT', DEV, {
      body: { location: cluster.location, properties: { securityProfile: { customCATrustCertificates: [] } } },
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatchObject({
      code: 'OperationNotAllowed',
      message: expect.stringContaining('stopped'),
    });
    expect((await get(DEV)).properties.provisioningState).toBe('Succeeded');
    expect((await arm.call('PATCH', DEV, { body: { tags: { a: 'b' } } })).status).toBe(200);
  });
});

describe('Windows pools (U5)', () => {
  const LEGACY = clusterPath(SEED.legacy);
  it('accepted by default: Linux pools roll, the Windows pool keeps its machines', async () => {
    const win = await get(`${LEGACY}/agentPools/win22/machines`);
    const linux = await get(`${LEGACY}/agentPools/linux/machines`);
    const r = await putCas(LEGACY, []);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body.properties.agentPoolProfiles.map((p: { provisioningState: string }) => p.provisioningState)).toEqual([
      'Updating',
      'Updating',
      'Succeeded',
    ]);
    arm.advance(120_000);
    expect(await get(`${LEGACY}/agentPools/win22/machines`)).toEqual(win);
    expect((await get(`${LEGACY}/agentPools/linux/machines`)).value[0].name).not.toBe(linux.value[0].name);
  });

  it('refused in the fault mode', async () => {
    await arm.control.request('/settings', { method: 'PUT', body: JSON.stringify({ rejectWindowsCaChange: true }) });
    const r = await putCas(LEGACY, []);
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toContain('win22');
  });
});
