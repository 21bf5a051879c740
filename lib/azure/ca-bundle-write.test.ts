/** writeCaBundle with the real SDK against the real emulator: the PUT body, ifMatch, the rollout handle. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../emulator/certs';
import { SEED } from '../../emulator/arm/seed/clusters';
import { startHarness, type Harness } from '../../emulator/arm/sdk/harness';
import { readBundle } from '../pki';
import { rolloutHandleSchema } from '../rollout/handle';
import { writeCaBundle } from './ca-bundle-write';

const WEB = SEED.web;
let h: Harness;
let owner: string;
let newCaPem: string;

beforeAll(async () => {
  h = await startHarness(200);
  owner = await h.token('owner');
  newCaPem = (await readBundle([{ content: (await issueCertificate({ subject: 'CN=Write Test Root CA', isCA: true })).certPem }], { now: new Date() })).certificates[0]!.pem;
});
afterAll(async () => {
  await h?.emulator.close();
});
beforeEach(async () => {
  expect((await h.control('POST', '/reset')).status).toBe(200);
});

const client = () => h.containerService(owner, WEB.subscriptionId);
const decode = (list: Uint8Array[] | undefined) => (list ?? []).map((bytes) => new TextDecoder().decode(bytes));

describe('writeCaBundle', () => {
  it('puts the new list with ifMatch and returns at once with the operation URL and the machines before', async () => {
    const before = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    const handle = await writeCaBundle(client(), { cluster: WEB, eTag: before.eTag!, certificates: [{ pem: newCaPem }] });
    expect(rolloutHandleSchema.parse(handle)).toEqual(handle);
    expect(handle.operationUrl).toMatch(new RegExp(`^${h.emulator.baseUrl}/subscriptions/.+/operations/`));
    expect(Object.keys(handle.machinesBefore).sort()).toEqual(['nodepool1', 'web']);
    expect(handle.machinesBefore.web).toHaveLength(6);
    const after = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    expect(after.provisioningState).toBe('Updating');
    expect(decode(after.securityProfile?.customCATrustCertificates)).toEqual([newCaPem]);
    // Everything else is what the GET returned.
    expect(after.agentPoolProfiles?.map((pool) => [pool.name, pool.count])).toEqual(before.agentPoolProfiles?.map((pool) => [pool.name, pool.count]));
    expect(after.tags).toEqual(before.tags);
  });

  it('a stale eTag is a 412 and nothing changes', async () => {
    const error = await writeCaBundle(client(), { cluster: WEB, eTag: 'stale', certificates: [{ pem: newCaPem }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 412 });
    const cluster = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    expect(cluster.provisioningState).toBe('Succeeded');
    expect(decode(cluster.securityProfile?.customCATrustCertificates)).toHaveLength(2);
  });

  it('an empty list removes the field', async () => {
    const before = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    await writeCaBundle(client(), { cluster: WEB, eTag: before.eTag!, certificates: [] });
    const after = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    expect(after.securityProfile?.customCATrustCertificates).toBeUndefined();
  });
});
