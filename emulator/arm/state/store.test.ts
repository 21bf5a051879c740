import { describe, expect, it } from 'vitest';
import { startDelete, startUpdate } from '../rollout/plan';
import { stepOperation } from '../rollout/step';
import { buildCluster } from '../seed/builders';
import { Store } from './store';
import type { ArmState, ClusterRecord } from './types';

function record(name = 'aks1'): ClusterRecord {
  return buildCluster({
    subscriptionId: 'sub',
    resourceGroup: 'rg',
    name,
    location: 'westeurope',
    kubernetesVersion: '1.33.2',
    caBundle: ['QQ=='],
    pools: [{ name: 'nodepool1', count: 2, maxSurge: '1' }],
  });
}

function emptyState(): ArmState {
  return {
    version: 3,
    subscriptions: [],
    extraRoleAssignments: [],
    resourceGroups: [],
    clusters: [],
    operations: [],
  };
}

function storeCountingChanges(): { store: Store; changes: () => number } {
  const store = new Store(emptyState());
  let changes = 0;
  store.onChange(() => (changes += 1));
  return { store, changes: () => changes };
}

describe('Store', () => {
  it('keeps its own copy of an added cluster and signals the change', () => {
    const { store, changes } = storeCountingChanges();
    const mine = record();
    const stored = store.addCluster(mine);
    mine.name = 'changed-outside';
    expect(store.cluster('SUB', 'RG', 'AKS1')).toBe(stored);
    expect(stored.name).toBe('aks1');
    expect(store.clustersIn('sub')).toEqual([stored]);
    expect(changes()).toBe(1);
  });

  it('changes records only through its methods, each signalling the change', () => {
    const { store, changes } = storeCountingChanges();
    const cluster = store.addCluster(record());
    const eTag = cluster.eTag;
    store.setTags(cluster, { team: 'a' });
    expect(cluster.tags).toEqual({ team: 'a' });
    expect(cluster.eTag).not.toBe(eTag);
    store.scalePool(cluster, 'nodepool1', 4, 0);
    expect(cluster.pools[0]!.machines).toHaveLength(4);
    const op = store.beginOperation(cluster, (c) => startUpdate(c, true, { now: 0, msPerBatch: 1 }));
    expect(cluster.provisioningState).toBe('Updating');
    expect(store.runningOperations()).toEqual([op]);
    store.reschedule(op, 50);
    expect(op.nextStepAt).toBe(50);
    expect(changes()).toBe(5);
  });

  it('removes the cluster when its delete finishes', () => {
    const { store } = storeCountingChanges();
    const cluster = store.addCluster(record());
    const op = store.beginOperation(cluster, (c) => startDelete(c, { now: 0, msPerBatch: 1 }));
    store.stepOperation(op, (o, c, lookup) => stepOperation(o, c, 1, 1, lookup));
    expect(op.status).toBe('Succeeded');
    expect(store.cluster('sub', 'rg', 'aks1')).toBeUndefined();
    expect(store.clustersIn('sub')).toEqual([]);
  });

  it('refuses a record it did not hand out', () => {
    const { store } = storeCountingChanges();
    store.addCluster(record());
    expect(() => store.setTags(record(), {})).toThrow(/not in the store/);
  });

  it('lends out read-only views (checked by tsc)', () => {
    const { store } = storeCountingChanges();
    const cluster = store.addCluster(record());
    const attempts = () => {
      // @ts-expect-error views are read-only
      cluster.provisioningState = 'Failed';
      // @ts-expect-error views are read-only all the way down
      cluster.pools[0]!.count = 9;
      // @ts-expect-error arrays too
      cluster.pools[0]!.machines.push(cluster.pools[0]!.machines[0]!);
      // @ts-expect-error and the whole state
      store.state.clusters.pop();
      // @ts-expect-error the change signal is the store's own
      store.changed();
    };
    expect(typeof attempts).toBe('function');
  });
});
