import { describe, expect, it } from 'vitest';
import { operationIdOf, parseRolloutHandle, type RolloutHandle } from './handle';
import {
  HANDLE_MAX_AGE_MS,
  handlesForCluster,
  loadRolloutHandle,
  pruneRolloutHandles,
  saveRolloutHandle,
  type HandleStorage,
} from './handle-store';
import { rolloutHref } from '../clusters/links';

const SUB = '00000000-aaaa-4000-8000-000000000001';
const CLUSTER_ID = `/subscriptions/${SUB}/resourceGroups/rg-big/providers/Microsoft.ContainerService/managedClusters/aks-big-1000-weu`;
const OP = 'e04f494d-1111-4222-8333-944445555666';
const OP_URL = `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/${OP}?api-version=2025-03-01&t=638947346152659867&c=${'A'.repeat(2980)}&s=${'B'.repeat(342)}&h=${'C'.repeat(43)}`;
const machines = Object.fromEntries(
  ['sys', 'apps', 'batch', 'data'].map((pool) => [
    pool,
    Array.from({ length: 250 }, (_, i) => `aks-${pool}-12345678-vmss${String(i).padStart(6, '0')}`),
  ]),
);
const handle: RolloutHandle = {
  v: 1,
  clusterId: CLUSTER_ID,
  operationUrl: OP_URL,
  startedAt: '2026-12-01T10:00:00.000Z',
  machinesBefore: machines,
};

function memoryStorage(): HandleStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('rollout handle', () => {
  it('takes a real-shaped signed operation URL (3.6 KB) and 1,000 machines', () => {
    expect(OP_URL.length).toBeGreaterThan(3500);
    expect(parseRolloutHandle(handle)).toEqual(handle);
    expect(
      parseRolloutHandle({ ...handle, operationUrl: `${OP_URL}${'x'.repeat(8192 - OP_URL.length + 1)}` }),
    ).toBeNull();
    expect(parseRolloutHandle({ ...handle, operationUrl: OP_URL.replace('https:', 'http:') })).toBeNull();
    expect(parseRolloutHandle({ ...handle, startedAt: 'yesterday' })).toBeNull();
    expect(parseRolloutHandle({ ...handle, clusterId: '/subscriptions/x' })).toBeNull();
    expect(parseRolloutHandle({ ...handle, machinesBefore: { pool: [1] } })).toBeNull();
    expect(operationIdOf(OP_URL)).toBe(OP);
    expect(operationIdOf('https://management.azure.com/subscriptions/x')).toBeNull();
  });

  it('the rollout link stays short at 1,000 nodes: cluster, operation id and start time only', () => {
    const href = rolloutHref(
      { subscriptionId: SUB, resourceGroup: 'rg-big', name: 'aks-big-1000-weu' },
      '11111111-2222-4333-8444-555555555555',
      { operationId: OP, since: handle.startedAt },
    );
    expect(href).toBe(
      `/clusters/${SUB}/rg-big/aks-big-1000-weu/rollout?op=${OP}&since=2026-12-01T10%3A00%3A00.000Z&tenant=11111111-2222-4333-8444-555555555555`,
    );
    expect(href.length).toBeLessThan(2048);
    expect(rolloutHref({ subscriptionId: SUB, resourceGroup: 'rg-big', name: 'aks-big-1000-weu' })).toBe(
      `/clusters/${SUB}/rg-big/aks-big-1000-weu/rollout`,
    );
  });
});

describe('handle store', () => {
  const rollout = { operationId: OP, clusterId: CLUSTER_ID, since: handle.startedAt };

  it('keeps the handle for the account that applied, and only for it', () => {
    const storage = memoryStorage();
    expect(saveRolloutHandle(storage, 'oid.tid', handle, 1000)).toBe(true);
    expect(loadRolloutHandle(storage, 'oid.tid', rollout, 2000)).toEqual({ found: true, handle });
    expect(loadRolloutHandle(storage, 'someone-else', rollout, 2000)).toEqual({
      found: false,
      reason: 'other-account',
    });
    expect(loadRolloutHandle(storage, 'oid.tid', { ...rollout, operationId: 'other' }, 2000)).toEqual({
      found: false,
      reason: 'none',
    });
    expect(
      loadRolloutHandle(
        storage,
        'oid.tid',
        { ...rollout, clusterId: CLUSTER_ID.replace('aks-big-1000-weu', 'aks-x') },
        2000,
      ),
    ).toEqual({ found: false, reason: 'other-cluster' });
  });

  it('drops handles after a few days, and damaged ones', () => {
    const storage = memoryStorage();
    saveRolloutHandle(storage, 'a', handle, 0);
    expect(loadRolloutHandle(storage, 'a', rollout, HANDLE_MAX_AGE_MS + 1)).toEqual({
      found: false,
      reason: 'expired',
    });
    storage.setItem('aks-ca-trust.rollout.op.broken', '{not json');
    storage.setItem('unrelated', 'kept');
    pruneRolloutHandles(storage, HANDLE_MAX_AGE_MS + 1);
    expect([...storage.map.keys()]).toEqual(['unrelated']);
  });

  it('never throws: no storage, or a full one', () => {
    expect(saveRolloutHandle(null, 'a', handle)).toBe(false);
    expect(loadRolloutHandle(null, 'a', rollout)).toEqual({ found: false, reason: 'unavailable' });
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(saveRolloutHandle(full, 'a', handle)).toBe(false);
  });

  it('keys a handle without an operation URL by cluster and start time', () => {
    const storage = memoryStorage();
    const { operationUrl: _, ...withoutUrl } = handle;
    saveRolloutHandle(storage, 'a', withoutUrl, 0);
    expect(
      loadRolloutHandle(storage, 'a', { operationId: null, clusterId: CLUSTER_ID, since: handle.startedAt }, 1),
    ).toMatchObject({ found: true });
  });

  it("lists this account's handles for a cluster, newest first, for a view opened without a link", () => {
    const storage = memoryStorage();
    const older = {
      ...handle,
      operationUrl: OP_URL.replace(OP, 'aaaaaaaa-1111-4222-8333-944445555666'),
      startedAt: '2026-12-01T08:00:00.000Z',
    };
    saveRolloutHandle(storage, 'a', older, 0);
    saveRolloutHandle(storage, 'a', handle, 0);
    saveRolloutHandle(
      storage,
      'b',
      { ...handle, operationUrl: OP_URL.replace(OP, 'bbbbbbbb-1111-4222-8333-944445555666') },
      0,
    );
    expect(handlesForCluster(storage, 'a', CLUSTER_ID.toUpperCase(), 1).map((h) => h.startedAt)).toEqual([
      handle.startedAt,
      older.startedAt,
    ]);
    expect(handlesForCluster(storage, 'a', CLUSTER_ID, HANDLE_MAX_AGE_MS + 1)).toEqual([]);
    expect(handlesForCluster(null, 'a', CLUSTER_ID)).toEqual([]);
  });
});
