import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { findPersona, SUBSCRIPTIONS } from '../../directory';
import { SEED } from '../seed/clusters';
import { createTestArm, type TestArm } from '../../testing/fake-arm';
import { temporaryDirectory } from '../../testing/temporary-directory';

const clusterPath = (c: { subscriptionId: string; resourceGroup: string; name: string }) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
const send = (arm: TestArm, method: string, path: string, body?: unknown) =>
  arm.control.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function changeCas(arm: TestArm, path: string): Promise<Response> {
  const cluster = await (await arm.call('GET', path)).json();
  const cas = cluster.properties.securityProfile.customCATrustCertificates as string[];
  return arm.call('PUT', path, {
    body: {
      location: cluster.location,
      properties: { securityProfile: { customCATrustCertificates: cas.slice(0, 1) } },
    },
  });
}

describe('seed', () => {
  it('covers the cases operators meet', async () => {
    const arm = await createTestArm();
    const get = async (c: { subscriptionId: string; resourceGroup: string; name: string }) =>
      (
        await arm.call('GET', clusterPath(c), {
          persona:
            c.subscriptionId === SUBSCRIPTIONS[2]!.subscriptionId ? `owner@${SUBSCRIPTIONS[2]!.tenantId}` : 'owner',
        })
      ).json();
    const certs = (cluster: { properties: { securityProfile: { customCATrustCertificates?: string[] } } }) =>
      (cluster.properties.securityProfile.customCATrustCertificates ?? []).map(
        (e) => new X509Certificate(Buffer.from(e, 'base64').toString()),
      );
    const days = (c: X509Certificate) => (Date.parse(c.validTo) - Date.now()) / 86_400_000;

    expect(certs(await get(SEED.ingress))).toHaveLength(0);
    expect(certs(await get(SEED.web))).toHaveLength(2);
    const soon = certs(await get(SEED.staging))[0]!;
    expect(days(soon)).toBeGreaterThan(0);
    expect(days(soon)).toBeLessThan(30);
    expect(certs(await get(SEED.core)).some((c) => days(c) < 0)).toBe(true);
    const legacy = await get(SEED.legacy);
    expect(legacy.properties.agentPoolProfiles.map((p: { osType: string }) => p.osType)).toEqual([
      'Linux',
      'Linux',
      'Windows',
    ]);
    expect((await get(SEED.data)).properties.provisioningState).toBe('Failed');
    const dev = await get(SEED.dev);
    expect(dev.properties.powerState.code).toBe('Stopped');
    expect((await get(SEED.canary)).properties.provisioningState).toBe('Updating');
    const payments = await get(SEED.payments);
    expect(payments.properties.agentPoolProfiles).toHaveLength(3);
    expect(
      payments.properties.agentPoolProfiles.reduce((n: number, p: { count: number }) => n + p.count, 0),
    ).toBeGreaterThanOrEqual(40);

    arm.advance(600_000);
    expect((await get(SEED.canary)).properties.provisioningState).toBe('Succeeded');
  });

  it('fleet: N × M clusters, all visible to the owner', async () => {
    const arm = await createTestArm({ fleet: { subscriptions: 5, clustersPerSubscription: 12 } });
    const subs = (await (await arm.call('GET', '/subscriptions')).json()).value as Array<{ subscriptionId: string }>;
    expect(subs).toHaveLength(5);
    const summary = await (await send(arm, 'GET', '/state/summary')).json();
    expect(summary.clusters).toBe(60);
    const list = await (
      await arm.call(
        'GET',
        `/subscriptions/${subs[4]!.subscriptionId}/providers/Microsoft.ContainerService/managedClusters`,
      )
    ).json();
    expect(list.value).toHaveLength(12);
    expect(findPersona('owner')!.roleAssignments).toHaveLength(4); // directory.ts untouched
  });
});

describe('control API', () => {
  it('fail-next makes the next CA rollout fail mid-way with the given ARM error', async () => {
    const arm = await createTestArm();
    const path = clusterPath(SEED.web);
    expect(
      (
        await send(arm, 'POST', '/rollouts/fail-next', {
          code: 'NodeDrainFailed',
          message: 'drain timed out',
          afterBatches: 2,
        })
      ).status,
    ).toBe(201);
    const r = await changeCas(arm, path);
    const operationUrl = new URL(r.headers.get('azure-asyncoperation')!);
    arm.advance(60_000);
    const op = await (await arm.call('GET', operationUrl.pathname + operationUrl.search)).json();
    expect(op).toMatchObject({ status: 'Failed', error: { code: 'NodeDrainFailed', message: 'drain timed out' } });
    const cluster = await (await arm.call('GET', path)).json();
    expect(cluster.properties.provisioningState).toBe('Failed');
    expect(cluster.properties.agentPoolProfiles[0].provisioningState).toBe('Failed');
    // consumed: the next change succeeds
    expect((await (await send(arm, 'GET', '/rollouts/fail-next')).json()).failNext).toBeNull();
  });

  it('speed, settings, reset', async () => {
    const arm = await createTestArm();
    expect(await (await send(arm, 'PUT', '/speed', { msPerBatch: 25 })).json()).toEqual({ msPerBatch: 25 });
    expect((await send(arm, 'PUT', '/speed', { msPerBatch: 0 })).status).toBe(400);
    expect((await send(arm, 'PUT', '/speed', 'nope')).status).toBe(400);
    expect(await (await send(arm, 'GET', '/settings')).json()).toMatchObject({
      eTags: 'seed',
      pageSize: 20,
      machinePageSize: 500,
    });
    const eTagOf = async (c: { subscriptionId: string; resourceGroup: string; name: string }) =>
      (await (await arm.call('GET', clusterPath(c))).json()).eTag;
    // Default "seed": only the seed clusters marked so carry eTags (real bodies have none, azure-facts §13).
    expect(await eTagOf(SEED.web)).toBeUndefined();
    expect(await eTagOf(SEED.payments)).toMatch(/^[0-9a-f-]{36}$/);
    const settings = await (await send(arm, 'PUT', '/settings', { pageSize: 1, eTags: 'always' })).json();
    expect(settings).toMatchObject({ pageSize: 1, eTags: 'always', msPerBatch: 25 });
    expect(await eTagOf(SEED.web)).toMatch(/^[0-9a-f-]{36}$/);
    await send(arm, 'PUT', '/settings', { eTags: 'never' });
    expect(await eTagOf(SEED.payments)).toBeUndefined();
    expect((await send(arm, 'PUT', '/settings', { omitETag: true })).status).toBe(400);
    await arm.call('DELETE', clusterPath(SEED.web));
    expect((await send(arm, 'POST', '/reset')).status).toBe(200);
    expect((await arm.call('GET', clusterPath(SEED.web))).status).toBe(200);
    // reset also restores settings, speed and budgets to the start-up values
    expect(await (await send(arm, 'GET', '/settings')).json()).toMatchObject({
      eTags: 'seed',
      pageSize: 20,
      msPerBatch: 1000,
      readBucket: { size: 250, refillPerSecond: 25 },
    });
  });
});

describe('state file', () => {
  it('persists changes and loads them on the next start', async () => {
    const directory = temporaryDirectory('arm-state-');
    onTestFinished(directory.remove);
    const stateFile = join(directory.path, 'state.json');
    const first = await createTestArm({ stateFile });
    await first.call('PATCH', clusterPath(SEED.web), { body: { tags: { persisted: 'yes' } } });
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).version).toBe(3); // 3: caBundle; 2: parallel node phase, VMSS model; an older file is ignored (seed used)
    const second = await createTestArm({ stateFile });
    expect((await (await second.call('GET', clusterPath(SEED.web))).json()).tags).toEqual({ persisted: 'yes' });
    await second.close();
  });

  it('a rollout running at close continues after the restart', async () => {
    const directory = temporaryDirectory('arm-state-');
    onTestFinished(directory.remove);
    const stateFile = join(directory.path, 'state.json');
    const first = await createTestArm({ stateFile });
    const r = await changeCas(first, clusterPath(SEED.web));
    const op = new URL(r.headers.get('azure-asyncoperation')!);
    await first.close();
    const second = await createTestArm({ stateFile });
    expect((await (await second.call('GET', op.pathname + op.search)).json()).status).not.toBe('Succeeded');
    second.advance(60_000);
    expect((await (await second.call('GET', op.pathname + op.search)).json()).status).toBe('Succeeded');
    await second.close();
  });
});
