import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeRolloutHandle, type RolloutHandle } from '../rollout/handle';

vi.mock('server-only', () => ({}));
const armClients = vi.fn();
vi.mock('./clients', () => ({ armClients: (...args: unknown[]) => armClients(...args) }));
const readOperation = vi.fn();
vi.mock('./rollout-reader', () => ({
  sdkRolloutReader: () => ({
    readOperation,
    readCluster: async () => ({ provisioningState: 'Updating', caEntries: [], agentPools: [] }),
    listMachines: async () => [],
  }),
}));

process.env.ARM_ENDPOINT = 'https://management.azure.com';
process.env.AZURE_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const { rolloutSnapshot } = await import('./rollout');

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxIn0.c2ln';
const SUB = '00000000-aaaa-4000-8000-000000000001';
const cluster = { subscriptionId: SUB, resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' };
const OP_PATH = `/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/northeurope/operations/6f1c2d3e-0000-4000-8000-000000000042`;
const handle = (operationUrl: string, overrides: Partial<RolloutHandle> = {}) =>
  encodeRolloutHandle({
    v: 1,
    clusterId: `/subscriptions/${SUB}/resourceGroups/rg-web-prod/providers/Microsoft.ContainerService/managedClusters/aks-web-prod-neu`,
    operationUrl,
    startedAt: '2026-11-29T12:00:00.000Z',
    machinesBefore: {},
    ...overrides,
  });

beforeEach(() => {
  armClients.mockReset().mockReturnValue({});
  readOperation.mockReset().mockResolvedValue({ status: 'InProgress', startTime: null, endTime: null, error: null, retryAfterSeconds: null });
});

describe('rolloutSnapshot (the server action body)', () => {
  it.each([
    ['another host', `https://evil.example${OP_PATH}`],
    ['userinfo', `https://management.azure.com@evil.example${OP_PATH}`],
    ['another ARM path', `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/x`],
    ['path traversal', `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/x/operations/..%2F..%2Fx`],
    ['another subscription', `https://management.azure.com${OP_PATH.replace(SUB, '00000000-bbbb-4000-8000-000000000003')}`],
  ])('refuses a forged operation URL (%s) before any client is built or request made', async (_, url) => {
    const result = await rolloutSnapshot(TOKEN, { cluster, handle: handle(url) });
    expect(result).toMatchObject({ ok: false, error: { code: 'ForgedOperationUrl', transient: false } });
    expect(armClients).not.toHaveBeenCalled();
    expect(readOperation).not.toHaveBeenCalled();
  });

  it('refuses an http URL already when decoding the handle', async () => {
    const result = await rolloutSnapshot(TOKEN, { cluster, handle: handle(`http://management.azure.com${OP_PATH}`) });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRolloutHandle' } });
    expect(armClients).not.toHaveBeenCalled();
  });

  it('refuses a handle for another cluster', async () => {
    const result = await rolloutSnapshot(TOKEN, { cluster: { ...cluster, name: 'aks-other' }, handle: handle(`https://management.azure.com${OP_PATH}`) });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRolloutHandle' } });
    expect(armClients).not.toHaveBeenCalled();
  });

  it('reads the rebuilt URL, with only api-version, for a genuine handle', async () => {
    const result = await rolloutSnapshot(TOKEN, { cluster, handle: handle(`https://management.azure.com${OP_PATH}?api-version=2026-06-01&t=1&s=2`) });
    expect(result).toMatchObject({ ok: true, data: { operation: { status: 'InProgress' } } });
    expect(readOperation).toHaveBeenCalledWith(`https://management.azure.com${OP_PATH}?api-version=2026-06-01`);
  });

  it('marks throttling as transient with its Retry-After', async () => {
    readOperation.mockRejectedValue(Object.assign(new Error('Too many'), { statusCode: 429, code: 'TooManyRequests', response: { headers: { get: (n: string) => (n === 'retry-after' ? '7' : undefined) } } }));
    const result = await rolloutSnapshot(TOKEN, { cluster: { ...cluster, name: 'aks-throttled' }, handle: handle(`https://management.azure.com${OP_PATH}`, { clusterId: `/subscriptions/${SUB}/resourceGroups/rg-web-prod/providers/Microsoft.ContainerService/managedClusters/aks-throttled` }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'TooManyRequests', status: 429, transient: true, retryAfterSeconds: 7 } });
  });

  it('refuses a missing token without reading anything', async () => {
    const result = await rolloutSnapshot(undefined, { cluster, handle: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'SignInRequired', transient: false } });
    expect(armClients).not.toHaveBeenCalled();
  });
});
