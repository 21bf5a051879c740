/**
 * The real SDK poller against signed operation URLs (azure-facts §13): it follows the Azure-AsyncOperation header
 * verbatim, so t/c/s/h reach the emulator; another principal and the stripped URL are refused.
 */
import type { ManagedCluster } from '@azure/arm-containerservice';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS } from '../../directory';
import { ORIGINAL_CALLER_ONLY } from '../operations/signed-url';
import { SEED } from '../seed/clusters';
import { startHarness, type Harness } from '../../testing/sdk-harness';

const prod = SUBSCRIPTIONS[0]!.subscriptionId;
const WEB = SEED.web;

let h: Harness;
let owner: string;
beforeAll(async () => {
  h = await startHarness();
  owner = await h.token('owner');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  expect((await h.control('POST', '/reset')).status).toBe(200);
});

const withoutCas = (cluster: ManagedCluster): ManagedCluster => ({
  ...cluster,
  securityProfile: { ...cluster.securityProfile, customCATrustCertificates: [] },
});

describe('signed operation URLs with the real SDK', () => {
  it('createOrUpdate awaited to the end follows the signed URL verbatim', async () => {
    const clusters = h.containerService(owner, prod).managedClusters;
    const cluster = await clusters.get(WEB.resourceGroup, WEB.name);
    const poller = clusters.createOrUpdate(WEB.resourceGroup, WEB.name, withoutCas(cluster), {
      updateIntervalInMs: 50,
    });
    await poller.submitted();
    const operationLocation = JSON.parse(await poller.serialize()).state.config.operationLocation as string;
    const url = new URL(operationLocation);
    expect(url.origin).toBe(h.emulator.baseUrl);
    expect([...url.searchParams.keys()]).toEqual(['api-version', 't', 'c', 's', 'h']);
    expect(operationLocation.length).toBeGreaterThanOrEqual(3500);
    const result = await poller;
    expect(result.provisioningState).toBe('Succeeded');
    expect((await h.armGet(operationLocation, owner)).body).toMatchObject({ status: 'Succeeded' });
  });

  it('a status GET by another principal, or of the URL stripped of t/c/s/h, is refused', async () => {
    const clusters = h.containerService(owner, prod).managedClusters;
    const cluster = await clusters.get(WEB.resourceGroup, WEB.name);
    const poller = clusters.createOrUpdate(WEB.resourceGroup, WEB.name, withoutCas(cluster), {
      updateIntervalInMs: 50,
    });
    await poller.submitted();
    const operationLocation = JSON.parse(await poller.serialize()).state.config.operationLocation as string;
    const refusal = { error: { code: 'AuthorizationFailed', message: ORIGINAL_CALLER_ONLY } };
    const reader = await h.token('reader');
    expect(await h.armGet(operationLocation, reader)).toEqual({ status: 403, body: refusal });
    const stripped = new URL(operationLocation);
    for (const name of ['t', 'c', 's', 'h']) stripped.searchParams.delete(name);
    expect(await h.armGet(stripped.href, owner)).toEqual({ status: 403, body: refusal });
    expect((await h.armGet(operationLocation, owner)).status).toBe(200);
    await poller;
  });
});
