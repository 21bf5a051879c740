/** VMSS VMs under Microsoft.Compute, the deployer persona's RBAC, surge rules on PUT, pools rolling in parallel. */
import { beforeEach, describe, expect, it } from 'vitest';
import { findPersona } from '../../directory';
import { SEED } from '../seed/clusters';
import { createTestArm, type TestArm } from '../../testing/fake-arm';

type Ref = { subscriptionId: string; resourceGroup: string; name: string };
const clusterPath = (c: Ref) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
const WEB = clusterPath(SEED.web);
const PAYMENTS = clusterPath(SEED.payments);
const VM_API = 'api-version=2024-07-01';

let arm: TestArm;
beforeEach(async () => {
  arm = await createTestArm();
});

async function get(path: string, persona = 'owner') {
  const r = await arm.call('GET', path, { persona });
  expect(r.status, path).toBe(200);
  return r.json();
}

/** The cluster body as these tests change it; the rest of the properties travel through untouched. */
type ClusterProperties = {
  securityProfile: { customCATrustCertificates: string[] };
  agentPoolProfiles: { upgradeSettings?: Record<string, string>; [field: string]: unknown }[];
  [field: string]: unknown;
};

async function putBody(
  path: string,
  change: (body: { location: string; properties: ClusterProperties }) => void,
  persona = 'owner',
) {
  const cluster = await get(path);
  const body = { location: cluster.location, properties: { ...cluster.properties } };
  change(body);
  return arm.call('PUT', path, { body, persona });
}

const dropFirstCa = (body: { properties: ClusterProperties }) => {
  body.properties.securityProfile = {
    customCATrustCertificates: body.properties.securityProfile.customCATrustCertificates.slice(0, 1),
  };
};

/** The VMSS VM list URL of a machine's `properties.resourceId`. */
async function vmListOf(clusterUrl: string, pool: string): Promise<string> {
  const machines = await get(`${clusterUrl}/agentPools/${pool}/machines`);
  const resourceId = machines.value[0].properties.resourceId as string;
  return `${resourceId.replace(/\/virtualMachines\/\d+$/, '/virtualMachines')}?${VM_API}`;
}

describe('VMSS VMs (Microsoft.Compute, node resource group)', () => {
  it("are reachable from each machine's resourceId, in the contract's shape", async () => {
    const machines = await get(`${WEB}/agentPools/web/machines`);
    const list = await get(await vmListOf(WEB, 'web'));
    expect(list.value).toHaveLength(machines.value.length);
    const vm = list.value[0];
    expect(vm.id).toBe(machines.value[0].properties.resourceId);
    expect(vm.id).toMatch(
      /^\/subscriptions\/[^/]+\/resourceGroups\/MC_rg-web-prod_aks-web-prod-neu_northeurope\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/aks-web-\d{8}-vmss\/virtualMachines\/0$/,
    );
    expect(vm).toMatchObject({
      name: expect.stringMatching(/^aks-web-\d{8}-vmss_0$/),
      instanceId: '0',
      type: 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines',
      location: 'northeurope',
      zones: ['1'],
      properties: {
        latestModelApplied: true,
        provisioningState: 'Succeeded',
        osProfile: { computerName: machines.value[0].name },
      },
    });
    expect(vm.properties.vmId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(vm.properties.timeCreated)).not.toBeNaN();
    expect(await get(`${vm.id}?${VM_API}`)).toEqual(vm);
    expect((await arm.call('GET', `${vm.id.replace(/\/0$/, '/999')}?${VM_API}`)).status).toBe(404);
    expect((await arm.call('GET', `${vm.id.replace(/aks-web-\d{8}-vmss/, 'nope')}?${VM_API}`)).status).toBe(404);
  });

  it('latestModelApplied and provisioningState move as each node is reimaged (aks-web-prod-neu reimages in place)', async () => {
    const url = await vmListOf(WEB, 'web');
    const states = async () =>
      (
        (await get(url)).value as Array<{
          name: string;
          properties: { latestModelApplied: boolean; provisioningState: string };
        }>
      ).map((v) => `${v.name}:${v.properties.provisioningState}:${v.properties.latestModelApplied}`);
    const before = await states();
    expect((await putBody(WEB, dropFirstCa)).status).toBe(200);
    const seen = [await states()];
    for (let i = 0; i < 20; i++) {
      arm.advance(1000);
      seen.push(await states());
    }
    expect(seen.some((s) => s.some((v) => v.endsWith(':Updating:false')))).toBe(true);
    expect(seen.some((s) => s.some((v) => v.endsWith(':Creating:true')))).toBe(true);
    expect(seen.at(-1)!.map((v) => v.split(':')[0])).toEqual(before.map((v) => v.split(':')[0]));
    expect(seen.at(-1)!.every((v) => v.endsWith(':Succeeded:true'))).toBe(true);
  });

  it('RBAC at the node resource group: reader (Reader on the subscription) may read, deployer may not', async () => {
    const url = await vmListOf(WEB, 'web');
    expect((await arm.call('GET', url, { persona: 'reader' })).status).toBe(200);
    const denied = await arm.call('GET', url, { persona: 'deployer' });
    expect(denied.status).toBe(403);
    const dana = findPersona('deployer')!;
    expect((await denied.json()).error).toMatchObject({
      code: 'AuthorizationFailed',
      message: expect.stringContaining(
        `object id '${dana.objectId}' does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read' over scope '/subscriptions/${SEED.web.subscriptionId}/resourceGroups/MC_rg-web-prod_aks-web-prod-neu_northeurope'`,
      ),
    });
  });

  it('machine and VM lists use the bigger machinePageSize', async () => {
    await arm.control.request('/settings', { method: 'PUT', body: JSON.stringify({ machinePageSize: 2 }) });
    const page = await get(`${WEB}/agentPools/web/machines`);
    expect(page.value).toHaveLength(2);
    expect(page.nextLink).toMatch(/skipToken=2/);
    expect((await get(await vmListOf(WEB, 'web'))).nextLink).toMatch(/skipToken=2/);
  });
});

describe('deployer persona', () => {
  it('can change its clusters; sees only them in a subscription-wide list; no access elsewhere', async () => {
    const list = await get(
      `/subscriptions/${SEED.web.subscriptionId}/providers/Microsoft.ContainerService/managedClusters`,
      'deployer',
    );
    expect(list.value.map((c: { name: string }) => c.name).sort()).toEqual([SEED.payments.name, SEED.web.name].sort());
    expect((await putBody(WEB, dropFirstCa, 'deployer')).status).toBe(200);
    expect((await arm.call('GET', clusterPath(SEED.legacy), { persona: 'deployer' })).status).toBe(403);
    expect((await arm.call('GET', clusterPath(SEED.staging), { persona: 'deployer' })).status).toBe(403);
    const subs = await get('/subscriptions', 'deployer');
    expect(subs.value.map((s: { displayName: string }) => s.displayName)).toEqual(['contoso-prod']);
  });
});

describe('upgradeSettings on PUT (azure-facts §13)', () => {
  it('{} reads back as the recorded defaults; maxSurge 0 with maxUnavailable 0 is refused (400, invented text)', async () => {
    const r = await putBody(WEB, (b) => {
      b.properties.agentPoolProfiles[0]!.upgradeSettings = {};
    });
    expect(r.status).toBe(200);
    expect((await r.json()).properties.agentPoolProfiles[0].upgradeSettings).toEqual({
      maxSurge: '10%',
      maxUnavailable: '0',
    });
    arm.advance(10_000);
    const refused = await putBody(WEB, (b) => {
      b.properties.agentPoolProfiles[1]!.upgradeSettings = { maxSurge: '0', maxUnavailable: '0' };
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({
      code: 'InvalidParameter',
      target: 'properties.agentPoolProfiles.1.upgradeSettings.maxSurge',
    });
  });

  it('maxSurge "0" + maxUnavailable "1": the pool never has more machines than its count', async () => {
    expect(
      (
        await putBody(WEB, (b) => {
          b.properties.agentPoolProfiles[1]!.upgradeSettings = { maxSurge: '0', maxUnavailable: '1' };
        })
      ).status,
    ).toBe(200);
    arm.advance(10_000);
    expect((await putBody(WEB, dropFirstCa)).status).toBe(200);
    let max = 0;
    for (let i = 0; i < 30; i++) {
      arm.advance(1000);
      max = Math.max(max, (await get(`${WEB}/agentPools/web/machines`)).value.length);
    }
    expect(max).toBe(6);
    expect((await get(WEB)).properties.provisioningState).toBe('Succeeded');
  });
});

describe('pools roll at the same time', () => {
  it('every pool of aks-payments-prod-weu (replace) has new machines after the first node-phase batch', async () => {
    const names = async (pool: string) =>
      ((await get(`${PAYMENTS}/agentPools/${pool}/machines`)).value as Array<{ name: string }>).map((m) => m.name);
    const before = { system: await names('system'), apps: await names('apps'), batch: await names('batch') };
    expect(
      (
        await putBody(PAYMENTS, (b) => {
          b.properties.securityProfile = { customCATrustCertificates: [] };
        })
      ).status,
    ).toBe(200);
    arm.advance(3000); // ProvisioningControlPlane, ReconcilingDNS (model change), first batch (surge)
    for (const [pool, old] of Object.entries(before))
      expect(
        (await names(pool)).some((n) => !old.includes(n)),
        pool,
      ).toBe(true);
  });
});
