/** The permissions API through the ContainerServiceClient's pipeline, against the emulator's personas (M3). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../emulator/arm/seed/clusters';
import { startHarness, type Harness } from '../../emulator/testing/sdk-harness';
import { CLUSTER_WRITE_ACTION } from '../clusters/permissions';
import { listClusterPermissions, readClusterAccess } from './cluster-permissions';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(200);
});
afterAll(async () => {
  await h?.close();
});

const access = async (persona: string, cluster: { subscriptionId: string; resourceGroup: string; name: string }) =>
  readClusterAccess(h.containerService(await h.token(persona), cluster.subscriptionId), h.emulator.baseUrl, cluster);

describe('readClusterAccess', () => {
  it('Owner and a resource-group Contributor may write; Reader may not', async () => {
    expect(await access('owner', SEED.web)).toEqual({ canWrite: true, writeAction: CLUSTER_WRITE_ACTION });
    expect((await access('deployer', SEED.web)).canWrite).toBe(true);
    expect((await access('reader', SEED.web)).canWrite).toBe(false);
  });

  it('reads the entries as ARM lists them (Contributor with its notActions)', async () => {
    const permissions = await listClusterPermissions(
      h.containerService(await h.token('deployer'), SEED.web.subscriptionId),
      h.emulator.baseUrl,
      SEED.web,
    );
    expect(
      permissions.some(
        (entry) =>
          entry.actions.includes('*') &&
          entry.notActions.some((action) => /^Microsoft\.Authorization\/\*\/Write$/i.test(action)),
      ),
    ).toBe(true);
  });

  it('an ARM error is thrown as the SDK would (status and code), for the page to say it could not check', async () => {
    expect(
      (
        await h.control('POST', '/faults', {
          method: 'GET',
          path: '/providers/Microsoft.Authorization/permissions',
          status: 403,
          code: 'AuthorizationFailed',
          message: 'denied',
        })
      ).status,
    ).toBe(201);
    const error = await access('owner', SEED.web).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed', message: 'denied' });
  });
});
