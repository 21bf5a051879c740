import { describe, expect, it } from 'vitest';
import { buildCluster, type PoolSpec } from '../seed/builders';
import type { ClusterRecord, NodeReplacement, OperationRecord } from '../state/types';
import { latestModelApplied } from '../wire/vmss';
import { startUpdate } from './plan';
import { stepOperation } from './step';
import { stalls, surgeCount, unavailableCount } from './surge';

const MS = 1000;
const POOLS: PoolSpec[] = [
  { name: 'nodepool1', count: 5, maxSurge: '33%' },
  { name: 'win1', count: 2, osType: 'Windows', maxSurge: '1' },
  { name: 'apps', count: 3, maxSurge: '1' },
];

function cluster(nodeReplacement: NodeReplacement = 'replace', pools = POOLS): ClusterRecord {
  return buildCluster({
    subscriptionId: 'sub',
    resourceGroup: 'rg',
    name: 'aks1',
    location: 'westeurope',
    kubernetesVersion: '1.33.2',
    caBundle: ['QQ=='],
    nodeReplacement,
    pools,
  });
}

interface Seen {
  status: string;
  /** Per pool: machine names, and per machine `name:vmState:latestModelApplied`. */
  names: string[][];
  vms: string[][];
}

/** Steps until terminal; returns what each step left behind. */
function runToEnd(op: OperationRecord, c: ClusterRecord, t0 = 0): Seen[] {
  const seen = (): Seen => ({
    status: op.status,
    names: c.pools.map((p) => p.machines.map((m) => m.name)),
    vms: c.pools.map((p) => p.machines.map((m) => `${m.name}:${m.vmState ?? 'Succeeded'}:${latestModelApplied(p, m)}`)),
  });
  const steps = [seen()];
  for (let i = 1; i < 200 && !op.endTime; i++) {
    stepOperation(op, c, t0 + i * MS, MS);
    steps.push(seen());
  }
  return steps;
}

describe('surge and unavailable counts (azure-facts §13)', () => {
  it('round percentages up, take absolute numbers, at most the pool; "0" means none', () => {
    expect(surgeCount(5, '10%')).toBe(1);
    expect(surgeCount(24, '10%')).toBe(3);
    expect(surgeCount(5, '33%')).toBe(2);
    expect(surgeCount(15, '1')).toBe(1);
    expect(surgeCount(3, '10')).toBe(3);
    expect(surgeCount(4, undefined)).toBe(1);
    expect(surgeCount(4, '0')).toBe(0);
    expect(surgeCount(0, '10%')).toBe(0);
    expect(unavailableCount(4, undefined)).toBe(0);
    expect(unavailableCount(10, '2')).toBe(2);
    expect(unavailableCount(10, '25%')).toBe(3);
    expect(stalls('0', '0')).toBe(true);
    expect(stalls('0', undefined)).toBe(true);
    expect(stalls('0', '1')).toBe(false);
    expect(stalls(undefined, undefined)).toBe(false);
  });
});

describe('CA rollout, replace', () => {
  it('moves the cluster and Linux VMSS pools to Updating, leaving Windows pools alone', () => {
    const c = cluster();
    startUpdate(c, true, { now: 0, msPerBatch: MS });
    expect(c.provisioningState).toBe('Updating');
    expect(c.pools.map((p) => p.provisioningState)).toEqual(['Updating', 'Succeeded', 'Updating']);
    expect(c.activeOperationId).toBeDefined();
  });

  it('surges, replaces batch by batch with new names, pools at the same time; only recorded status texts', () => {
    const c = cluster();
    const before = c.pools.map((p) => p.machines.map((m) => m.name));
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    const steps = runToEnd(op, c);

    expect(op.status).toBe('Succeeded');
    expect(c.provisioningState).toBe('Succeeded');
    expect(c.activeOperationId).toBeUndefined();
    expect(c.pools.every((p) => p.provisioningState === 'Succeeded')).toBe(true);
    const after = c.pools[0]!.machines.map((m) => m.name);
    expect(after).toHaveLength(5);
    expect(after.some((n) => before[0]!.includes(n))).toBe(false);
    expect(after.every((n) => /^aks-nodepool1-\d{8}-vmss[0-9a-z]{6}$/.test(n))).toBe(true);
    expect(c.pools[1]!.machines.map((m) => m.name)).toEqual(before[1]); // Windows untouched

    // maxSurge 33% of 5 = 2: never more than 7 machines, never fewer than 5.
    const sizes = steps.map((s) => s.names[0]!.length);
    expect(Math.max(...sizes)).toBe(7);
    expect(Math.min(...sizes)).toBe(5);

    // Only the recorded texts (azure-facts §13), in order; ReconcilingDNS through the whole node phase.
    expect([...new Set(steps.map((s) => s.status))]).toEqual([
      'InProgress',
      'ProvisioningControlPlane',
      'ReconcilingDNS',
      'Succeeded',
    ]);
    const churned = (pool: number) => steps.findIndex((s) => s.names[pool]!.join() !== before[pool]!.join());
    expect(steps[churned(0)]!.status).toBe('ReconcilingDNS');
    // Both Linux pools surge in the same step.
    expect(churned(2)).toBe(churned(0));
    const lastChurn = steps.findLastIndex((s, i) => i > 0 && s.names.join() !== steps[i - 1]!.names.join());
    expect(steps[lastChurn]!.status).toBe('ReconcilingDNS');
  });

  it('VMs read latestModelApplied true before the node phase, false on the old model during it; new VMs are Creating then Succeeded', () => {
    const c = cluster();
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    const steps = runToEnd(op, c);
    const phaseStart = steps.findIndex((s) => s.status === 'ReconcilingDNS');
    for (const s of steps.slice(0, phaseStart))
      expect(s.vms[0]!.every((v) => v.endsWith(':Succeeded:true'))).toBe(true);
    expect(steps[phaseStart]!.vms[0]!.every((v) => v.endsWith(':Succeeded:false'))).toBe(true);
    expect(steps[phaseStart + 1]!.vms[0]!.filter((v) => v.endsWith(':Creating:true'))).toHaveLength(2);
    expect(steps.at(-1)!.vms[0]!.every((v) => v.endsWith(':Succeeded:true'))).toBe(true);
    expect(steps.at(-1)!.vms[1]!.every((v) => v.endsWith(':Succeeded:true'))).toBe(true); // Windows: model unchanged
  });

  it('maxSurge "0" + maxUnavailable "1" drains in place: no surge node, one node at a time', () => {
    const c = cluster('replace', [{ name: 'nodepool1', count: 4, maxSurge: '0', maxUnavailable: '1' }]);
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    const steps = runToEnd(op, c);
    expect(Math.max(...steps.map((s) => s.names[0]!.length))).toBe(4);
    for (let i = 1; i < steps.length; i++) {
      const removed = steps[i - 1]!.names[0]!.filter((n) => !steps[i]!.names[0]!.includes(n));
      expect(removed.length).toBeLessThanOrEqual(1);
    }
    expect(op.status).toBe('Succeeded');
  });

  it('maxUnavailable > 1 drains several at once (batch = maxSurge + maxUnavailable)', () => {
    const c = cluster('replace', [{ name: 'nodepool1', count: 9, maxSurge: '1', maxUnavailable: '2' }]);
    const before = c.pools[0]!.machines.map((m) => m.name);
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    const steps = runToEnd(op, c);
    const removedPerStep = steps
      .slice(1)
      .map((s, i) => steps[i]!.names[0]!.filter((n) => before.includes(n) && !s.names[0]!.includes(n)).length);
    expect(Math.max(...removedPerStep)).toBe(3);
    expect(Math.max(...steps.map((s) => s.names[0]!.length))).toBe(10); // never more than count + maxSurge
  });
});

describe('CA rollout, reimage', () => {
  it('adds surge machines, reimages each original in place (names kept), removes the surge machines', () => {
    const c = cluster('reimage');
    const before = c.pools.map((p) => p.machines.map((m) => m.name));
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    const steps = runToEnd(op, c);
    expect(op.status).toBe('Succeeded');
    expect(c.pools[0]!.machines.map((m) => m.name)).toEqual(before[0]);
    expect(c.pools[2]!.machines.map((m) => m.name)).toEqual(before[2]);
    expect(Math.max(...steps.map((s) => s.names[0]!.length))).toBe(7);
    // every original went Updating (latestModelApplied false) at some step, and ends Succeeded on the new model
    for (const name of before[0]!) {
      expect(steps.some((s) => s.vms[0]!.includes(`${name}:Updating:false`))).toBe(true);
    }
    expect(steps.at(-1)!.vms[0]!.every((v) => v.endsWith(':Succeeded:true'))).toBe(true);
    expect([...new Set(steps.map((s) => s.status))]).toEqual([
      'InProgress',
      'ProvisioningControlPlane',
      'ReconcilingDNS',
      'Succeeded',
    ]);
  });
});

describe('CA rollout, other cases', () => {
  it('an unchanged list is a short update with no machine churn', () => {
    const c = cluster();
    const names = c.pools.flatMap((p) => p.machines.map((m) => m.name));
    const op = startUpdate(c, false, { now: 0, msPerBatch: MS });
    const steps = runToEnd(op, c);
    expect(steps.length).toBeLessThanOrEqual(4);
    expect(c.pools.flatMap((p) => p.machines.map((m) => m.name))).toEqual(names);
    expect(op.status).toBe('Succeeded');
  });

  it('fails mid-way when told to (batches count node-phase steps of all pools at once); finished pools kept', () => {
    const c = cluster('replace', [{ name: 'nodepool1', count: 5, maxSurge: '100%' }, POOLS[1]!, POOLS[2]!]);
    // nodepool1 (surge 5): surge, one batch, settle = done in 3 steps; apps (3 nodes, surge 1) needs 5: fail at 4.
    const failure = { afterBatches: 4, error: { code: 'ReimageNodeFailed', message: 'Node drain timed out.' } };
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS, failure });
    runToEnd(op, c);
    expect(op.status).toBe('Failed');
    expect(op.error).toEqual(failure.error);
    expect(c.provisioningState).toBe('Failed');
    expect(c.pools.map((p) => p.provisioningState)).toEqual(['Succeeded', 'Succeeded', 'Failed']);
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
