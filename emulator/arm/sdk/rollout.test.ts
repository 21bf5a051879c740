/**
 * The real SDK (and plain HTTPS with real tokens for Microsoft.Compute, which has no client installed here) against
 * the emulator: VMSS VM transitions, deployer RBAC, abort, surge rules, a stopped cluster, the autoscaler.
 */
import { RestError } from '@azure/core-rest-pipeline';
import type { ManagedCluster } from '@azure/arm-containerservice';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS } from '../../directory';
import { SEED } from '../seed/clusters';
import { startHarness, type Harness } from '../../testing/sdk-harness';

const prod = SUBSCRIPTIONS[0]!.subscriptionId;
const staging = SUBSCRIPTIONS[1]!.subscriptionId;
const WEB = SEED.web;

let h: Harness;
let owner: string;
beforeAll(async () => {
  h = await startHarness(40);
  owner = await h.token('owner');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  expect((await h.control('POST', '/reset')).status).toBe(200);
  await h.control('PUT', '/speed', { msPerBatch: 40 }); // reset keeps the speed
});

const withoutCas = (cluster: ManagedCluster): ManagedCluster => ({
  ...cluster,
  securityProfile: { ...cluster.securityProfile, customCATrustCertificates: [] },
});

async function rejection(promise: Promise<unknown>): Promise<RestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestError);
  return error as RestError;
}

type Vm = {
  name: string;
  properties: { latestModelApplied: boolean; provisioningState: string; osProfile: { computerName: string } };
};

describe('VMSS VMs during a rollout (real SDK write, HTTPS reads)', () => {
  it('reimage: every VM goes latestModelApplied false → Updating → Succeeded true, names kept', async () => {
    const client = h.containerService(owner, prod);
    const machine = (await client.machines.list(WEB.resourceGroup, WEB.name, 'web').next()).value!;
    const listUrl = `${h.emulator.baseUrl}${machine.properties!.resourceId!.replace(/\/virtualMachines\/\d+$/, '/virtualMachines')}?api-version=2024-07-01`;
    const read = async () => ((await h.armGet(listUrl, owner)).body as { value: Vm[] }).value;
    const before = await read();
    expect(before.every((v) => v.properties.latestModelApplied)).toBe(true);
    const cluster = await client.managedClusters.get(WEB.resourceGroup, WEB.name);
    const poller = client.managedClusters.createOrUpdate(WEB.resourceGroup, WEB.name, withoutCas(cluster), {
      updateIntervalInMs: 20,
    });
    const seen = new Set<string>();
    let done = false;
    const watching = (async () => {
      while (!done) {
        for (const v of await read()) seen.add(`${v.properties.provisioningState}:${v.properties.latestModelApplied}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    expect((await poller).provisioningState).toBe('Succeeded');
    done = true;
    await watching;
    expect(seen).toContain('Succeeded:false');
    expect(seen).toContain('Updating:false');
    const after = await read();
    expect(after.map((v) => v.properties.osProfile.computerName)).toEqual(
      before.map((v) => v.properties.osProfile.computerName),
    );
    expect(after.every((v) => v.properties.latestModelApplied && v.properties.provisioningState === 'Succeeded')).toBe(
      true,
    );
  });

  it('deployer changes aks-web-prod-neu but gets 403 on its VMSS VMs; reader reads them', async () => {
    const deployer = await h.token('deployer');
    const client = h.containerService(deployer, prod);
    const machine = (await client.machines.list(WEB.resourceGroup, WEB.name, 'web').next()).value!;
    const vmUrl = `${h.emulator.baseUrl}${machine.properties!.resourceId}?api-version=2024-07-01`;
    expect((await h.armGet(vmUrl, deployer)).status).toBe(403);
    expect((await h.armGet(vmUrl, await h.token('reader'))).status).toBe(200);
    const names = [];
    for await (const c of client.managedClusters.list()) names.push(c.name);
    expect(names.sort()).toEqual([SEED.payments.name, WEB.name].sort());
    const cluster = await client.managedClusters.get(WEB.resourceGroup, WEB.name);
    expect(
      (
        await client.managedClusters.createOrUpdate(WEB.resourceGroup, WEB.name, withoutCas(cluster), {
          updateIntervalInMs: 20,
        })
      ).provisioningState,
    ).toBe('Succeeded');
  });
});

describe('reconciliation after a failed rollout (real SDK)', () => {
  it('a PUT of the same list renews only the VMs left behind; then a PUT of the same list is the short update again', async () => {
    const clusters = h.containerService(owner, prod).managedClusters;
    const vmsUrl = async (pool: string) => {
      const machine = (await h.containerService(owner, prod).machines.list(WEB.resourceGroup, WEB.name, pool).next())
        .value!;
      return `${h.emulator.baseUrl}${machine.properties!.resourceId!.replace(/\/virtualMachines\/\d+$/, '/virtualMachines')}?api-version=2024-07-01`;
    };
    const pools = (await clusters.get(WEB.resourceGroup, WEB.name)).agentPoolProfiles!.map((p) => p.name!);
    const urls = await Promise.all(pools.map(vmsUrl));
    const behind = async () =>
      Promise.all(
        urls.map(
          async (url) =>
            ((await h.armGet(url, owner)).body as { value: Vm[] }).value.filter(
              (v) => !v.properties.latestModelApplied || v.properties.provisioningState !== 'Succeeded',
            ).length,
        ),
      );

    expect(
      (
        await h.control('POST', '/rollouts/fail-next', {
          code: 'UpgradeFailed',
          message: 'Drain failed.',
          afterBatches: 2,
        })
      ).status,
    ).toBe(201);
    const failing = clusters.createOrUpdate(
      WEB.resourceGroup,
      WEB.name,
      withoutCas(await clusters.get(WEB.resourceGroup, WEB.name)),
      { updateIntervalInMs: 20 },
    );
    expect(
      await failing.then(
        () => 'succeeded',
        (e: Error) => e.message,
      ),
    ).toMatch(/UpgradeFailed/);
    const failed = await clusters.get(WEB.resourceGroup, WEB.name);
    expect(failed.provisioningState).toBe('Failed');
    expect((await behind()).some((n) => n > 0)).toBe(true);

    // The same (now empty) list again: a rollout of the VMs left behind (status texts: rollout/reconcile.test.ts).
    const poller = clusters.createOrUpdate(WEB.resourceGroup, WEB.name, failed, { updateIntervalInMs: 20 });
    expect((await poller).provisioningState).toBe('Succeeded');
    expect(await behind()).toEqual(pools.map(() => 0));
    const after = await clusters.get(WEB.resourceGroup, WEB.name);
    expect(after.agentPoolProfiles!.every((p) => p.provisioningState === 'Succeeded')).toBe(true);

    const names = async () =>
      Promise.all(
        urls.map(async (url) => ((await h.armGet(url, owner)).body as { value: Vm[] }).value.map((v) => v.name).join()),
      );
    const before = await names();
    expect(
      (await clusters.createOrUpdate(WEB.resourceGroup, WEB.name, after, { updateIntervalInMs: 20 })).provisioningState,
    ).toBe('Succeeded');
    expect(await names()).toEqual(before);
  });
});

describe('abort, surge, stopped, autoscaler (real SDK)', () => {
  it('abortLatestOperation: 202, the cluster goes Canceling then Canceled; the rollout poller rejects as canceled', async () => {
    await h.control('PUT', '/speed', { msPerBatch: 300 });
    const clusters = h.containerService(owner, prod).managedClusters;
    const cluster = await clusters.get(WEB.resourceGroup, WEB.name);
    const rollout = clusters.createOrUpdate(WEB.resourceGroup, WEB.name, withoutCas(cluster), {
      updateIntervalInMs: 20,
    });
    const rolloutEnd = rollout.then(
      () => 'succeeded',
      (e: Error) => e.message,
    );
    await rollout.submitted();
    const abort = clusters.abortLatestOperation(WEB.resourceGroup, WEB.name, { updateIntervalInMs: 20 });
    await abort.submitted();
    expect((await clusters.get(WEB.resourceGroup, WEB.name)).provisioningState).toBe('Canceling');
    await abort;
    expect((await clusters.get(WEB.resourceGroup, WEB.name)).provisioningState).toBe('Canceled');
    expect(await rolloutEnd).toMatch(/cancel/i);
  });

  it('maxSurge 0 with maxUnavailable 0 → 400; upgradeSettings {} reads back as the defaults', async () => {
    const clusters = h.containerService(owner, prod).managedClusters;
    const cluster = await clusters.get(WEB.resourceGroup, WEB.name);
    const pools = cluster.agentPoolProfiles!;
    const stalled = {
      ...cluster,
      agentPoolProfiles: [{ ...pools[0]!, upgradeSettings: { maxSurge: '0', maxUnavailable: '0' } }, pools[1]!],
    };
    expect(
      (await rejection(clusters.createOrUpdate(WEB.resourceGroup, WEB.name, stalled, { updateIntervalInMs: 20 })))
        .statusCode,
    ).toBe(400);
    const empty = { ...cluster, agentPoolProfiles: [{ ...pools[0]!, upgradeSettings: {} }, pools[1]!] };
    const result = await clusters.createOrUpdate(WEB.resourceGroup, WEB.name, empty, { updateIntervalInMs: 20 });
    expect(result.agentPoolProfiles![0]!.upgradeSettings).toEqual({ maxSurge: '10%', maxUnavailable: '0' });
  });

  it('a stopped cluster refuses a PUT with 400', async () => {
    const clusters = h.containerService(owner, staging).managedClusters;
    const cluster = await clusters.get(SEED.dev.resourceGroup, SEED.dev.name);
    expect(cluster.powerState?.code).toBe('Stopped');
    const error = await rejection(
      clusters.createOrUpdate(SEED.dev.resourceGroup, SEED.dev.name, withoutCas(cluster), { updateIntervalInMs: 20 }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('OperationNotAllowed');
  });

  it('after the autoscaler changes a count, a stale full-model PUT is refused: "Cannot manually scale AgentPool"', async () => {
    const PAY = SEED.payments;
    const clusters = h.containerService(owner, prod).managedClusters;
    const stale = await clusters.get(PAY.resourceGroup, PAY.name);
    const scaled = await h.control('PUT', '/autoscale', { ...PAY, pool: 'apps', count: 27 });
    expect(scaled).toEqual({ status: 200, body: { pool: 'apps', count: 27, machines: 27 } });
    const error = await rejection(
      clusters.createOrUpdate(PAY.resourceGroup, PAY.name, withoutCas(stale), { updateIntervalInMs: 20 }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('Cannot manually scale AgentPool');
    const fresh = await clusters.get(PAY.resourceGroup, PAY.name);
    expect(
      (await clusters.createOrUpdate(PAY.resourceGroup, PAY.name, withoutCas(fresh), { updateIntervalInMs: 20 }))
        .provisioningState,
    ).toBe('Succeeded');
    expect((await h.control('PUT', '/autoscale', { ...PAY, pool: 'batch', count: 3 })).status).toBe(400);
  });
});
