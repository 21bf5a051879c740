import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const armClients = vi.fn();
vi.mock('./clients', () => ({ armClients: (...args: unknown[]) => armClients(...args) }));
const readOperation = vi.fn();
vi.mock('./rollout-reader', () => ({
  sdkRolloutReader: () => ({
    readOperation,
    readCluster: async () => ({ subscriptionId: SUB, provisioningState: 'Updating', caBundle: [], agentPools: [] }),
    listMachines: async () => ({ machines: [], pages: 1 }),
    listVms: async () => ({ vms: [], pages: 1 }),
  }),
}));

process.env.ARM_ENDPOINT = 'https://management.azure.com';
process.env.AZURE_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const { rolloutSnapshot } = await import('./rollout');

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxIn0.c2ln';
const SUB = '00000000-aaaa-4000-8000-000000000001';
const cluster = { subscriptionId: SUB, resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' };
const OP_PATH = `/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/northeurope/operations/6f1c2d3e-0000-4000-8000-000000000042`;
const SIGNED = `https://management.azure.com${OP_PATH}?api-version=2025-03-01&t=638947346152659867&c=${'M'.repeat(2980)}&s=${'s'.repeat(342)}&h=${'h'.repeat(43)}`;

beforeEach(() => {
  armClients.mockReset().mockReturnValue({});
  readOperation
    .mockReset()
    .mockResolvedValue({ status: 'InProgress', startTime: null, endTime: null, error: null, retryAfterSeconds: null });
});

describe('rolloutSnapshot (the server action body)', () => {
  it.each([
    ['another host', `https://evil.example${OP_PATH}`],
    ['userinfo', `https://management.azure.com@evil.example${OP_PATH}`],
    ['http', `http://management.azure.com${OP_PATH}`],
    [
      'another ARM path',
      `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/x`,
    ],
    [
      'path traversal',
      `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/x/operations/..%2F..%2Fx`,
    ],
    [
      'another subscription',
      `https://management.azure.com${OP_PATH.replace(SUB, '00000000-bbbb-4000-8000-000000000003')}`,
    ],
    ['a smuggled parameter', `${SIGNED}&$filter=x`],
  ])('refuses a forged operation URL (%s) before any client is built or request made', async (_, url) => {
    const result = await rolloutSnapshot(TOKEN, { cluster, operationUrl: url });
    expect(result).toMatchObject({ ok: false, error: { code: 'ForgedOperationUrl', transient: false, retry: null } });
    expect(armClients).not.toHaveBeenCalled();
    expect(readOperation).not.toHaveBeenCalled();
  });

  it('refuses an operation URL over 8 KB before anything else', async () => {
    const result = await rolloutSnapshot(TOKEN, {
      cluster,
      operationUrl: `${SIGNED}${'h'.repeat(8193 - SIGNED.length)}`,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidArgument', retry: null } });
    expect(armClients).not.toHaveBeenCalled();
  });

  it('reads the signed URL verbatim', async () => {
    const result = await rolloutSnapshot(TOKEN, { cluster, operationUrl: SIGNED });
    expect(result).toMatchObject({
      ok: true,
      data: { operation: { status: 'InProgress' }, end: null, next: { afterMs: 5000, reason: 'interval' } },
    });
    expect(readOperation).toHaveBeenCalledWith(SIGNED);
  });

  it('marks throttling as transient with its Retry-After and a backoff hint', async () => {
    readOperation.mockRejectedValue(
      Object.assign(new Error('Too many'), {
        statusCode: 429,
        code: 'TooManyRequests',
        response: { headers: { get: (n: string) => (n === 'retry-after' ? '7' : undefined) } },
      }),
    );
    const result = await rolloutSnapshot(TOKEN, {
      cluster: { ...cluster, name: 'aks-throttled' },
      operationUrl: SIGNED,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'TooManyRequests',
        status: 429,
        transient: true,
        retryAfterSeconds: 7,
        retry: { afterMs: 7000, backoff: true },
      },
    });
  });

  it('refuses a missing token without reading anything, and says not to retry', async () => {
    const result = await rolloutSnapshot(undefined, { cluster, operationUrl: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'SignInRequired', transient: false, retry: null } });
    expect(armClients).not.toHaveBeenCalled();
  });
});
