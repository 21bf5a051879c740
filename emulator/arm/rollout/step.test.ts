import { describe, expect, it } from 'vitest';
import { buildCluster } from '../seed/builders';
import type { ClusterRecord, OperationRecord } from '../state/types';
import { startUpdate } from './plan';
import { stepOperation } from './step';
import { surgeCount } from './surge';

const MS = 1000;

function cluster(): ClusterRecord {
  return buildCluster({
    subscriptionId: 'sub',
    resourceGroup: 'rg',
    name: 'aks1',
    location: 'westeurope',
    kubernetesVersion: '1.33.2',
    caCertificates: ['QQ=='],
    pools: [
      { name: 'nodepool1', count: 5, maxSurge: '33%' },
      { name: 'win1', count: 2, osType: 'Windows', maxSurge: '1' },
      { name: 'apps', count: 3, maxSurge: '1' },
    ],
  });
}

/** Steps until terminal; returns every status text seen and machine-name snapshots per step. */
function runToEnd(op: OperationRecord, c: ClusterRecord, t0 = 0) {
  const statuses: string[] = [op.status];
  const snapshots: string[][] = [];
  for (let i = 1; i < 200 && !op.endTime; i++) {
    stepOperation(op, c, t0 + i * MS, MS);
    statuses.push(op.status);
    snapshots.push(c.pools[0]!.machines.map((m) => m.name));
  }
  return { statuses, snapshots };
}

describe('surgeCount', () => {
  it('rounds percentages up, takes absolute numbers, at least 1 and at most the pool', () => {
    expect(surgeCount(5, '10%')).toBe(1);
    expect(surgeCount(24, '10%')).toBe(3);
    expect(surgeCount(5, '33%')).toBe(2);
    expect(surgeCount(3, '33%')).toBe(1);
    expect(surgeCount(15, '1')).toBe(1);
    expect(surgeCount(6, '2')).toBe(2);
    expect(surgeCount(3, '10')).toBe(3);
    expect(surgeCount(4, undefined)).toBe(1);
    expect(surgeCount(4, '0')).toBe(1);
    expect(surgeCount(0, '10%')).toBe(0);
  });
});

describe('stepOperation (CA rollout)', () => {
  it('moves the cluster and Linux VMSS pools to Updating, leaving Windows pools alone', () => {
    const c = cluster();
    startUpdate(c, true, { now: 0, msPerBatch: MS });
    expect(c.provisioningState).toBe('Updating');
    expect(c.pools.map((p) => p.provisioningState)).toEqual(['Updating', 'Succeeded', 'Updating']);
    expect(c.activeOperationId).toBeDefined();
  });

  it('surges, replaces old machines batch by batch, and ends with the target count of new machines', () => {
    const c = cluster();
    const before = c.pools[0]!.machines.map((m) => m.name);
    const windowsBefore = c.pools[1]!.machines.map((m) => m.name);
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    const { statuses, snapshots } = runToEnd(op, c);

    expect(op.status).toBe('Succeeded');
    expect(op.endTime).toBeDefined();
    expect(c.provisioningState).toBe('Succeeded');
    expect(c.activeOperationId).toBeUndefined();
    expect(c.pools.every((p) => p.provisioningState === 'Succeeded')).toBe(true);

    const after = c.pools[0]!.machines.map((m) => m.name);
    expect(after).toHaveLength(5);
    expect(after.some((n) => before.includes(n))).toBe(false);
    expect(after.every((n) => /^aks-nodepool1-\d{8}-vmss[0-9a-z]{6}$/.test(n))).toBe(true);
    expect(c.pools[1]!.machines.map((m) => m.name)).toEqual(windowsBefore);

    // maxSurge 33% of 5 = 2: never more than 7 machines, never fewer than 5.
    const sizes = snapshots.map((s) => s.length);
    expect(Math.max(...sizes)).toBe(7);
    expect(Math.min(...sizes)).toBe(5);

    // Only the recorded texts (azure-facts §13), each once, in order; ReconcilingDNS through the node phase.
    expect([...new Set(statuses)]).toEqual(['InProgress', 'ProvisioningControlPlane', 'ReconcilingDNS', 'Succeeded']);
    const firstChurn = snapshots.findIndex((s) => s.join() !== before.join());
    expect(statuses[firstChurn + 1]).toBe('ReconcilingDNS');
  });

  it('an unchanged list is a short update with no machine churn', () => {
    const c = cluster();
    const names = c.pools.flatMap((p) => p.machines.map((m) => m.name));
    const op = startUpdate(c, false, { now: 0, msPerBatch: MS });
    const { statuses } = runToEnd(op, c);
    expect(statuses.length).toBeLessThanOrEqual(4);
    expect(c.pools.flatMap((p) => p.machines.map((m) => m.name))).toEqual(names);
    expect(op.status).toBe('Succeeded');
  });

  it('fails mid-way when told to: operation Failed with the error, cluster and current pool Failed, finished pools kept', () => {
    const c = cluster();
    const failure = { afterBatches: 6, error: { code: 'ReimageNodeFailed', message: 'Node drain timed out.' } };
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS, failure });
    runToEnd(op, c);
    expect(op.status).toBe('Failed');
    expect(op.error).toEqual(failure.error);
    expect(op.endTime).toBeDefined();
    expect(c.provisioningState).toBe('Failed');
    // nodepool1 needs 1 surge + 3 batches = 4; apps fails in its 2nd batch.
    expect(c.pools[0]!.provisioningState).toBe('Succeeded');
    expect(c.pools[1]!.provisioningState).toBe('Succeeded');
    expect(c.pools[2]!.provisioningState).toBe('Failed');
    expect(c.activeOperationId).toBeUndefined();
  });

  it('is time-driven: nextStepAt moves by msPerBatch', () => {
    const c = cluster();
    const op = startUpdate(c, true, { now: 5000, msPerBatch: MS });
    expect(op.nextStepAt).toBe(6000);
    stepOperation(op, c, 6000, MS);
    expect(op.nextStepAt).toBe(7000);
  });
});
