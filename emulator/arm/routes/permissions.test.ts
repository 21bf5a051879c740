import { beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../seed/clusters';
import { createTestArm, type TestArm } from '../../testing/fake-arm';

type Ref = { subscriptionId: string; resourceGroup: string; name: string };
const clusterPath = (c: Ref) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
const permissionsOf = (scope: string) =>
  `${scope}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`;
const rgPath = (c: Ref) => `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}`;

let arm: TestArm;
beforeAll(async () => {
  arm = await createTestArm();
});

async function permissions(persona: string, path: string) {
  const r = await arm.call('GET', path, { persona });
  expect(r.status, `${persona} ${path}`).toBe(200);
  return (await r.json()).value as Array<{
    actions: string[];
    notActions: string[];
    dataActions: string[];
    notDataActions: string[];
  }>;
}

describe('Permissions – List For Resource / Resource Group (azure-facts §13)', () => {
  it('one entry per role assignment that applies, from the persona', async () => {
    expect(await permissions('owner', permissionsOf(clusterPath(SEED.web)))).toEqual([
      { actions: ['*'], notActions: [], dataActions: [], notDataActions: [] },
    ]);
    expect(await permissions('reader', permissionsOf(clusterPath(SEED.web)))).toEqual([
      { actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] },
    ]);
    const deployer = await permissions('deployer', permissionsOf(clusterPath(SEED.web)));
    expect(deployer).toHaveLength(1);
    expect(deployer[0]!.actions).toEqual(['*']);
    expect(deployer[0]!.notActions).toEqual(
      expect.arrayContaining([
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
      ]),
    );
    expect(await permissions('deployer', permissionsOf(clusterPath(SEED.legacy)))).toEqual([]);
    expect(await permissions('deployer', permissionsOf(rgPath(SEED.payments)))).toHaveLength(1);
    expect(await permissions('nobody', permissionsOf(clusterPath(SEED.web)))).toEqual([]);
    // operator: Reader on contoso-staging (its home tenant is Fabrikam: a Contoso token is needed)
    expect(
      await permissions('operator@72f988bf-0000-4000-8000-000000000001', permissionsOf(clusterPath(SEED.staging))),
    ).toEqual([{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]);
  });

  it('ARM errors: unknown resource group 404, another tenant 401', async () => {
    expect((await arm.call('GET', permissionsOf(rgPath({ ...SEED.web, resourceGroup: 'rg-none' })))).status).toBe(404);
    expect((await arm.call('GET', permissionsOf(clusterPath(SEED.core)))).status).toBe(401);
  });
});

describe('big seed clusters', () => {
  it('aks-big-400-weu and aks-big-1000-weu have about 400 and 1,000 Linux nodes; a 500-node pool lists in one page', async () => {
    const nodes = async (c: Ref) => {
      const cluster = await (await arm.call('GET', clusterPath(c))).json();
      return cluster.properties.agentPoolProfiles.reduce(
        (n: number, p: { count: number; osType: string }) => n + (p.osType === 'Linux' ? p.count : 0),
        0,
      );
    };
    expect(await nodes(SEED.big400)).toBe(400);
    expect(await nodes(SEED.big1000)).toBe(1000);
    const page = await (await arm.call('GET', `${clusterPath(SEED.big1000)}/agentPools/apps/machines`)).json();
    expect(page.value).toHaveLength(500);
    expect(page.nextLink).toBeUndefined(); // machinePageSize 500: one page per pool here, two for a 1,000-node pool
  });
});
