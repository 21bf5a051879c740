import { describe, expect, it } from 'vitest';
import { decodeRolloutHandle, encodeRolloutHandle, type RolloutHandle } from './handle';

const handle: RolloutHandle = {
  v: 1,
  clusterId: '/subscriptions/00000000-aaaa-4000-8000-000000000001/resourceGroups/rg-web-prod/providers/Microsoft.ContainerService/managedClusters/aks-web-prod-neu',
  operationUrl: 'https://management.azure.com/subscriptions/00000000-aaaa-4000-8000-000000000001/providers/Microsoft.ContainerService/locations/northeurope/operations/abc?api-version=2026-06-01',
  startedAt: '2026-11-29T12:00:00.000Z',
  machinesBefore: { nodepool1: ['aks-nodepool1-25481572-vmss000000', 'aks-nodepool1-25481572-vmss000001'] },
};

describe('rollout handle', () => {
  it('round-trips through a URL-safe string', () => {
    const encoded = encodeRolloutHandle(handle);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRolloutHandle(encoded)).toEqual({ ok: true, handle });
  });

  it('refuses damaged, foreign or oversized links with a message', () => {
    expect(decodeRolloutHandle('not-base64!')).toMatchObject({ ok: false });
    expect(decodeRolloutHandle(encodeRolloutHandle({ ...handle, operationUrl: 'http://evil.example/op' }))).toMatchObject({ ok: false, message: expect.stringContaining('operationUrl') });
    expect(decodeRolloutHandle(encodeRolloutHandle({ ...handle, clusterId: '/subscriptions/x' }))).toMatchObject({ ok: false, message: expect.stringContaining('clusterId') });
    expect(decodeRolloutHandle('A'.repeat(70_000))).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
  });
});
