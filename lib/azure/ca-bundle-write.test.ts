/**
 * writeCaBundle with the real SDK against the real emulator: the order of reads, the comparison with what the user
 * reviewed, If-Match, best-effort machines, the autoscaler retry, stopped and Windows refusals, the rollout handle.
 */
import type { ContainerServiceClient } from '@azure/arm-containerservice';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../emulator/certs';
import { SEED } from '../../emulator/arm/seed/clusters';
import { startHarness, type Harness } from '../../emulator/testing/sdk-harness';
import { readBundle } from '../pki';
import { reviewedCluster } from '../clusters/reviewed-cluster';
import { writeCaBundle, type CaBundleWrite } from './ca-bundle-write';
import { CaBundleWriteRefused } from './ca-bundle-write-refusal';
import { toClusterSummary } from './models';
import type { ClusterRef } from './resource-names';

const WEB = SEED.web;
let h: Harness;
let owner: string;
let newCaPem: string;
let otherCaPem: string;

async function caPem(subject: string): Promise<string> {
  return (
    await readBundle([{ content: (await issueCertificate({ subject, isCA: true })).certPem }], { now: new Date() })
  ).certificates[0]!.pem;
}

beforeAll(async () => {
  h = await startHarness(200);
  owner = await h.token('owner');
  newCaPem = await caPem('CN=Write Test Root CA');
  otherCaPem = await caPem('CN=Elsewhere Root CA');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  expect((await h.control('POST', '/reset')).status).toBe(200);
});

interface Recorded {
  client: ContainerServiceClient;
  /** `METHOD path` of every request, in order, and the if-match header of each PUT. */
  requests: string[];
  ifMatch: (string | undefined)[];
}

/** A client whose pipeline records what it sends. */
function recordedClient(subscriptionId = WEB.subscriptionId): Recorded {
  const recorded: Recorded = { client: h.containerService(owner, subscriptionId), requests: [], ifMatch: [] };
  recorded.client.pipeline.addPolicy({
    name: 'record',
    sendRequest: async (request, next) => {
      recorded.requests.push(`${request.method} ${new URL(request.url).pathname}`);
      if (request.method === 'PUT') recorded.ifMatch.push(request.headers.get('if-match'));
      return next(request);
    },
  });
  return recorded;
}

const client = (subscriptionId = WEB.subscriptionId) => h.containerService(owner, subscriptionId);
const decode = (list: Uint8Array[] | undefined) => (list ?? []).map((bytes) => new TextDecoder().decode(bytes));
const summary = async (ref: ClusterRef) =>
  toClusterSummary(await client(ref.subscriptionId).managedClusters.get(ref.resourceGroup, ref.name));
const review = async (ref: ClusterRef) => reviewedCluster(await summary(ref));
const write = async (
  ref: ClusterRef,
  certificates: string[],
  patch: Partial<CaBundleWrite> = {},
): Promise<CaBundleWrite> => ({
  cluster: ref,
  reviewed: await review(ref),
  certificates: certificates.map((pem) => ({ pem })),
  ...patch,
});
const refusal = (error: unknown) => (error instanceof CaBundleWriteRefused ? error.refusal : error);
const settle = async (ref: ClusterRef) => {
  await expect
    .poll(async () => (await summary(ref)).provisioningState, { timeout: 30_000, interval: 50 })
    .toBe('Succeeded');
};

describe('writeCaBundle', () => {
  it('reads the machines first and the cluster last, puts the new list and returns at once with the rollout handle', async () => {
    const before = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    const recorded = recordedClient();
    const handle = await writeCaBundle(recorded.client, await write(WEB, [newCaPem]));
    // The signed operation URL, verbatim (about 3.6 KB, as recorded); lib/rollout/handle.ts (stream B) bounds it.
    expect(handle.operationUrl).toMatch(
      new RegExp(
        `^${h.emulator.baseUrl}/subscriptions/.+/operations/[^?]+\\?api-version=2025-03-01&t=\\d+&c=[\\w-]+&s=[\\w-]+&h=[\\w-]+$`,
      ),
    );
    expect(handle.clusterId).toBe(
      `/subscriptions/${WEB.subscriptionId}/resourceGroups/${WEB.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${WEB.name}`,
    );
    expect(Object.keys(handle.machinesBefore).sort()).toEqual(['nodepool1', 'web']);
    expect(handle.machinesBefore.web).toHaveLength(6);

    const put = recorded.requests.findIndex((line) => line.startsWith('PUT '));
    const clusterPath = `/subscriptions/${WEB.subscriptionId}/resourceGroups/${WEB.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${WEB.name}`;
    expect(recorded.requests[put - 1]).toBe(`GET ${clusterPath}`);
    expect(recorded.requests.slice(0, put - 1).every((line) => /\/agentPools(\/[^/]+\/machines)?$/.test(line))).toBe(
      true,
    );
    expect(recorded.requests.filter((line) => line.endsWith('/machines'))).toHaveLength(2);

    const after = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    expect(after.provisioningState).toBe('Updating');
    expect(decode(after.securityProfile?.customCATrustCertificates)).toEqual([newCaPem]);
    // Everything else is what the GET returned.
    expect(after.agentPoolProfiles?.map((pool) => [pool.name, pool.count])).toEqual(
      before.agentPoolProfiles?.map((pool) => [pool.name, pool.count]),
    );
    expect(after.tags).toEqual(before.tags);
  });

  it('a pool whose machines cannot be read is left out of machinesBefore and does not block the apply', async () => {
    expect(
      (
        await h.control('POST', '/faults', {
          method: 'GET',
          pathRegex: '/agentPools/web/machines$',
          status: 403,
          code: 'AuthorizationFailed',
          message: 'denied',
        })
      ).status,
    ).toBe(201);
    const handle = await writeCaBundle(client(), await write(WEB, [newCaPem]));
    expect(Object.keys(handle.machinesBefore)).toEqual(['nodepool1']);
    expect(
      decode(
        (await client().managedClusters.get(WEB.resourceGroup, WEB.name)).securityProfile?.customCATrustCertificates,
      ),
    ).toEqual([newCaPem]);
  });

  it('the CA list changed elsewhere since the review (no eTag needed): refused as 412 before any PUT, nothing changed', async () => {
    const mine = await write(WEB, [newCaPem], { reviewed: { ...(await review(WEB)), eTag: null } });
    await h.control('PUT', '/speed', { msPerBatch: 5 });
    await writeCaBundle(client(), await write(WEB, [otherCaPem]));
    await settle(WEB);
    const recorded = recordedClient();
    const error = await writeCaBundle(recorded.client, mine).catch(refusal);
    expect(error).toMatchObject({
      code: 'PreconditionFailed',
      status: 412,
      message: 'The cluster changed since you reviewed it (its CA list changed). Nothing was sent to Azure.',
    });
    expect(recorded.requests.some((line) => line.startsWith('PUT '))).toBe(false);
    expect(
      decode(
        (await client().managedClusters.get(WEB.resourceGroup, WEB.name)).securityProfile?.customCATrustCertificates,
      ),
    ).toEqual([otherCaPem]);
  });

  it('the state changed since the review: refused as 412', async () => {
    const mine = await write(WEB, [newCaPem]);
    await writeCaBundle(
      client(),
      await write(
        WEB,
        mine.certificates.map((c) => c.pem),
      ),
    );
    const error = await writeCaBundle(client(), mine).catch(refusal);
    expect(error).toMatchObject({
      status: 412,
      message: expect.stringMatching(/its CA list changed, its state went from Succeeded to Updating/),
    });
  });

  it('If-Match carries the eTag the user saw when ARM gave one; a stale one is a 412', async () => {
    const PAYMENTS = SEED.payments;
    const reviewed = await review(PAYMENTS);
    expect(reviewed.eTag).toEqual(expect.any(String));
    const stale = await writeCaBundle(client(), {
      ...(await write(PAYMENTS, [newCaPem])),
      reviewed: { ...reviewed, eTag: 'stale' },
    }).catch(refusal);
    expect(stale).toMatchObject({ status: 412 });
    const recorded = recordedClient(PAYMENTS.subscriptionId);
    await writeCaBundle(recorded.client, await write(PAYMENTS, [newCaPem]));
    expect(recorded.ifMatch).toEqual([reviewed.eTag]);
  });

  it('a cluster without eTag (the default, as recorded): no If-Match, the comparison is the protection', async () => {
    const reviewed = await review(WEB);
    expect(reviewed.eTag).toBeNull();
    const recorded = recordedClient();
    await writeCaBundle(recorded.client, await write(WEB, [newCaPem]));
    expect(recorded.ifMatch).toEqual([undefined]);
  });

  it('a 400 refusing a manual scale of an autoscaled pool: reads the cluster again and retries once', async () => {
    const fault = {
      method: 'PUT',
      path: `/managedClusters/${WEB.name}`,
      status: 400,
      code: 'InvalidParameter',
      message: 'Cannot manually scale AgentPool web with cluster autoscaler enabled.',
    };
    expect((await h.control('POST', '/faults', fault)).status).toBe(201);
    const recorded = recordedClient();
    const handle = await writeCaBundle(recorded.client, await write(WEB, [newCaPem]));
    expect(handle.operationUrl).toBeDefined();
    const last = recorded.requests.slice(-4).map((line) => line.split(' ')[0]);
    expect(last).toEqual(['GET', 'PUT', 'GET', 'PUT']);

    await h.control('POST', '/reset');
    expect((await h.control('POST', '/faults', { ...fault, count: 2 })).status).toBe(201);
    const error = await writeCaBundle(client(), await write(WEB, [newCaPem])).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, message: fault.message });
  });

  it('the autoscaler moves a pool between the read and the PUT: ARM refuses the manual scale, the write reads again and succeeds', async () => {
    const PAYMENTS = SEED.payments;
    const recorded = recordedClient(PAYMENTS.subscriptionId);
    const clusterPath = `/subscriptions/${PAYMENTS.subscriptionId}/resourceGroups/${PAYMENTS.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${PAYMENTS.name}`;
    const apps = async () =>
      (
        await client(PAYMENTS.subscriptionId).managedClusters.get(PAYMENTS.resourceGroup, PAYMENTS.name)
      ).agentPoolProfiles!.find((pool) => pool.name === 'apps')!.count!;
    const count = await apps();
    let moved = false;
    recorded.client.pipeline.addPolicy({
      name: 'autoscaler',
      sendRequest: async (request, next) => {
        const response = await next(request);
        if (!moved && request.method === 'GET' && new URL(request.url).pathname === clusterPath) {
          moved = true;
          const control = await h.control('PUT', '/autoscale', { ...PAYMENTS, pool: 'apps', count: count + 3 });
          expect(control.status).toBe(200);
        }
        return response;
      },
    });
    // Without eTags (as recorded), so that the refusal is the autoscaler's and not If-Match's.
    expect((await h.control('PUT', '/settings', { eTags: 'never' })).status).toBe(200);
    try {
      const handle = await writeCaBundle(recorded.client, await write(PAYMENTS, [newCaPem]));
      expect(handle.operationUrl).toBeDefined();
      expect(recorded.requests.filter((line) => line.startsWith('PUT '))).toHaveLength(2);
      expect(await apps()).toBe(count + 3);
    } finally {
      await h.control('PUT', '/settings', { eTags: 'seed' });
    }
  });

  it('a stopped cluster is refused before any PUT with how to start it', async () => {
    const DEV = SEED.dev;
    const recorded = recordedClient(DEV.subscriptionId);
    const error = await writeCaBundle(recorded.client, await write(DEV, [newCaPem])).catch(refusal);
    expect(error).toMatchObject({ code: 'ClusterStopped', message: expect.stringContaining('az aks start') });
    expect(recorded.requests.some((line) => line.startsWith('PUT '))).toBe(false);
  });

  it('a 400 on a cluster with Windows pools says so, with ARM’s own words', async () => {
    const LEGACY = SEED.legacy;
    expect((await h.control('PUT', '/settings', { rejectWindowsCaChange: true })).status).toBe(200);
    const error = await writeCaBundle(client(LEGACY.subscriptionId), await write(LEGACY, [newCaPem])).catch(refusal);
    expect(error).toMatchObject({
      code: 'WindowsNodePoolsUnsupported',
      status: 400,
      target: 'win22',
      message: expect.stringMatching(
        /^This cluster has Windows node pools \(win22\)\. AKS supports custom CA trust on Linux nodes only/,
      ),
    });
  });

  it('an empty list removes the field', async () => {
    await writeCaBundle(client(), await write(WEB, []));
    const after = await client().managedClusters.get(WEB.resourceGroup, WEB.name);
    expect(after.securityProfile?.customCATrustCertificates).toBeUndefined();
  });
});
