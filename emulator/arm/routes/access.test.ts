import { beforeAll, describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS, TENANTS, findPersona } from '../../directory';
import { SEED } from '../seed/clusters';
import { createTestArm, type TestArm } from '../../testing/fake-arm';

const [prod, staging, platform] = SUBSCRIPTIONS.map((s) => s.subscriptionId) as [string, string, string];
const clusterPath = (c: { subscriptionId: string; resourceGroup: string; name: string }) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;

let arm: TestArm;
beforeAll(async () => {
  arm = await createTestArm();
});

describe('authentication', () => {
  it('401 AuthenticationFailed without a token, with WWW-Authenticate', async () => {
    const r = await arm.call('GET', '/subscriptions', { persona: '' });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(
      /^Bearer authorization_uri="https:\/\/localhost:8443\/common", error="invalid_token"/,
    );
    expect((await r.json()).error.code).toBe('AuthenticationFailed');
  });

  it('401 InvalidAuthenticationToken for a bad token', async () => {
    const r = await arm.call('GET', `/subscriptions/${prod}`, { persona: 'mallory' });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain(`/${TENANTS[0]!.tenantId}"`);
    expect((await r.json()).error.code).toBe('InvalidAuthenticationToken');
  });
});

describe('RBAC', () => {
  it('lists only subscriptions with a role in the token tenant', async () => {
    const ids = async (persona: string) =>
      (
        (await (await arm.call('GET', '/subscriptions', { persona })).json()).value as Array<{ subscriptionId: string }>
      ).map((s) => s.subscriptionId);
    expect(await ids('owner')).toEqual([prod, staging]);
    expect(await ids('reader')).toEqual([prod]);
    expect(await ids('nobody')).toEqual([]);
    expect(await ids('operator')).toEqual([platform]);
    const fabrikam = await arm.call('GET', '/subscriptions', { persona: `owner@${TENANTS[1]!.tenantId}` });
    expect(((await fabrikam.json()).value as unknown[]).length).toBe(2);
  });

  it('lists tenants where the caller has a role', async () => {
    const r = await arm.call('GET', '/tenants', { persona: 'owner' });
    const body = await r.json();
    expect(body.value.map((t: { tenantId: string }) => t.tenantId)).toEqual(TENANTS.map((t) => t.tenantId));
    expect(body.value[0]).toMatchObject({
      id: `/tenants/${TENANTS[0]!.tenantId}`,
      tenantType: 'AAD',
      defaultDomain: 'contoso.onmicrosoft.com',
    });
  });

  it('404 SubscriptionNotFound for an invisible or unknown subscription', async () => {
    const r = await arm.call('GET', `/subscriptions/${staging}`, { persona: 'reader' });
    expect(r.status).toBe(404);
    expect((await r.json()).error).toEqual({
      code: 'SubscriptionNotFound',
      message: `The subscription '${staging}' could not be found.`,
    });
    const unknown = await arm.call(
      'GET',
      '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/managedClusters',
    );
    expect(unknown.status).toBe(404);
  });

  it('401 InvalidAuthenticationTokenTenant for a token of another tenant', async () => {
    const r = await arm.call('GET', `/subscriptions/${platform}/providers/Microsoft.ContainerService/managedClusters`, {
      persona: 'owner',
    });
    expect(r.status).toBe(401);
    expect((await r.json()).error.code).toBe('InvalidAuthenticationTokenTenant');
  });

  it('403 AuthorizationFailed reading resources without a role', async () => {
    const r = await arm.call('GET', `${clusterPath(SEED.staging)}`, { persona: 'reader' });
    expect(r.status).toBe(403);
    const reader = findPersona('reader')!;
    expect((await r.json()).error.message).toBe(
      `The client '${reader.username}' with object id '${reader.objectId}' does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/read' over scope '${clusterPath(SEED.staging)}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  });

  it("403 for a Reader's PUT with the exact ARM text", async () => {
    const r = await arm.call('PUT', clusterPath(SEED.web), { persona: 'reader', body: { location: 'northeurope' } });
    expect(r.status).toBe(403);
    const reader = findPersona('reader')!;
    expect((await r.json()).error).toEqual({
      code: 'AuthorizationFailed',
      message: `The client '${reader.username}' with object id '${reader.objectId}' does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/write' over scope '${clusterPath(SEED.web)}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    });
  });

  it('readers can read', async () => {
    expect((await arm.call('GET', clusterPath(SEED.web), { persona: 'reader' })).status).toBe(200);
  });
});

describe('404s', () => {
  it('cluster and resource group not found, ARM wording', async () => {
    const missing = await arm.call('GET', clusterPath({ ...SEED.web, name: 'nope' }));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-ms-failure-cause')).toBe('gateway');
    expect((await missing.json()).error).toEqual({
      code: 'ResourceNotFound',
      message:
        "The Resource 'Microsoft.ContainerService/managedClusters/nope' under resource group 'rg-web-prod' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
    });
    const rg = await arm.call('GET', clusterPath({ ...SEED.web, resourceGroup: 'rg-none' }));
    expect((await rg.json()).error).toEqual({
      code: 'ResourceGroupNotFound',
      message: "Resource group 'rg-none' could not be found.",
    });
  });

  it('paths are case-insensitive', async () => {
    const r = await arm.call(
      'GET',
      clusterPath(SEED.web)
        .replace('resourceGroups', 'resourcegroups')
        .replace('Microsoft.ContainerService', 'microsoft.containerservice'),
    );
    expect(r.status).toBe(200);
  });
});
