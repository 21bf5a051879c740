import { describe, expect, it } from 'vitest';
import { buildCluster, type PoolSpec } from '../seed/builders';
import type { ClusterRecord, NodeReplacement, OperationRecord } from '../state/types';
import { latestModelApplied } from '../wire/vmss';
import { planUpdate, startAbort, startUpdate } from './plan';
import { machinesBehind } from './reconcile';
import { stepOperation } from './step';

const MS = 1000;
// nodepool1 (surge 1, 6 nodes) needs many more steps than apps (surge 3 = whole pool): a failure at step 4 leaves
// apps done and nodepool1 half-way.
const POOLS: PoolSpec[] = [
  { name: 'nodepool1', count: 6, maxSurge: '1' },
  { name: 'win1', count: 2, osType: 'Windows', maxSurge: '1' },
  { name: 'apps', count: 3, maxSurge: '100%' },
];

function cluster(nodeReplacement: NodeReplacement): ClusterRecord {
  return buildCluster({
    subscriptionId: 'sub',
    resourceGroup: 'rg',
    name: 'aks1',
    location: 'westeurope',
    kubernetesVersion: '1.33.2',
    caBundle: ['QQ=='],
    nodeReplacement,
    pools: POOLS,
  });
}

function run(
  op: OperationRecord,
  c: ClusterRecord,
  t0: number,
  lookup?: (id: string) => OperationRecord | undefined,
): { statuses: string[]; names: string[][][] } {
  const statuses = [op.status];
  const names = [c.pools.map((p) => p.machines.map((m) => m.name))];
  for (let i = 1; i < 200 && !op.endTime; i++) {
    stepOperation(op, c, t0 + i * MS, MS, lookup);
    statuses.push(op.status);
    names.push(c.pools.map((p) => p.machines.map((m) => m.name)));
  }
  return { statuses, names };
}

const vms = (c: ClusterRecord, pool: number) =>
  c.pools[pool]!.machines.map((m) => `${m.vmState ?? 'Succeeded'}:${latestModelApplied(c.pools[pool]!, m)}`);
const allRenewed = (c: ClusterRecord, pool: number) => vms(c, pool).every((v) => v === 'Succeeded:true');

/** A CA change that fails at its 4th node-phase step. */
function failedRollout(kind: NodeReplacement): ClusterRecord {
  const c = cluster(kind);
  const failure = { afterBatches: 4, error: { code: 'UpgradeFailed', message: 'Drain failed.' } };
  const op = startUpdate(c, true, { now: 0, msPerBatch: MS, failure });
  run(op, c, 0);
  expect(op.status).toBe('Failed');
  expect(c.pools.map((p) => p.provisioningState)).toEqual(['Failed', 'Succeeded', 'Succeeded']);
  return c;
}

describe.each(['replace', 'reimage'] as const)('reconciliation after a failed CA rollout (%s)', (kind) => {
  it('an unchanged-list PUT rolls exactly the VMs not on the latest model, in the pools that hold them', () => {
    const c = failedRollout(kind);
    expect(machinesBehind(c.pools[0]!).length).toBeGreaterThan(0);
    expect(machinesBehind(c.pools[2]!)).toHaveLength(0);
    expect(planUpdate(c, false)).toEqual({ pools: ['nodepool1'], reconcile: true });
    const renewedBefore = c.pools[0]!.machines.slice(0, 6)
      .filter((m) => !machinesBehind(c.pools[0]!).includes(m))
      .map((m) => m.name);
    const behind = machinesBehind(c.pools[0]!).map((m) => m.name);
    const untouched = [c.pools[1]!.machines.map((m) => m.name), c.pools[2]!.machines.map((m) => m.name)];
    const model = c.pools[0]!.modelVersion;

    const op = startUpdate(c, false, { now: 100_000, msPerBatch: MS });
    expect(c.provisioningState).toBe('Updating');
    expect(c.pools.map((p) => p.provisioningState)).toEqual(['Updating', 'Succeeded', 'Succeeded']);
    expect(c.pools[0]!.provisioningError).toBeUndefined();
    const seen = run(op, c, 100_000);

    expect(op.status).toBe('Succeeded');
    expect([...new Set(seen.statuses)]).toEqual([
      'InProgress',
      'ProvisioningControlPlane',
      'ReconcilingDNS',
      'Succeeded',
    ]);
    expect(c.provisioningState).toBe('Succeeded');
    expect(c.pools.every((p) => p.provisioningState === 'Succeeded')).toBe(true);
    expect(c.pools[0]!.modelVersion).toBe(model); // no new model: the goal is the one already set
    expect(c.pools[0]!.machines).toHaveLength(6);
    expect(allRenewed(c, 0)).toBe(true);
    // Nodes already renewed are not touched again; the other pools see no churn.
    const final = c.pools[0]!.machines.map((m) => m.name);
    for (const name of renewedBefore) expect(final).toContain(name);
    if (kind === 'replace') for (const name of behind) expect(final).not.toContain(name);
    else for (const name of behind) expect(final).toContain(name);
    expect(
      seen.names.every((step) => step[1]!.join() === untouched[0]!.join() && step[2]!.join() === untouched[1]!.join()),
    ).toBe(true);
    // Surge rules hold: at most count + maxSurge (1) machines at once once the leftovers are trimmed.
    const sizes = seen.names.slice(2).map((step) => step[0]!.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
  });

  it('once every VM is on the latest model, an unchanged-list PUT is the short no-churn update again (U8)', () => {
    const c = failedRollout(kind);
    run(startUpdate(c, false, { now: 100_000, msPerBatch: MS }), c, 100_000);
    const names = c.pools.map((p) => p.machines.map((m) => m.name));
    expect(planUpdate(c, false).pools).toEqual([]);
    const op = startUpdate(c, false, {
      now: 300_000,
      msPerBatch: MS,
      failure: { afterBatches: 1, error: { code: 'X', message: 'x' } },
    });
    const seen = run(op, c, 300_000);
    expect(seen.statuses.length).toBeLessThanOrEqual(4);
    expect(seen.statuses).not.toContain('ReconcilingDNS');
    expect(op.status).toBe('Succeeded'); // a failure applies only to an update that rolls nodes
    expect(c.pools.map((p) => p.machines.map((m) => m.name))).toEqual(names);
  });
});

describe('reconciliation after a canceled CA rollout', () => {
  it('renews the VMs the abort left on the old model; a failure told to the reconcile ends it Failed', () => {
    const c = cluster('reimage');
    const op = startUpdate(c, true, { now: 0, msPerBatch: MS });
    for (let i = 1; i <= 4; i++) stepOperation(op, c, i * MS, MS);
    const abort = startAbort(c, op, { now: 4 * MS, msPerBatch: MS });
    const lookup = (id: string) => (id === op.id ? op : undefined);
    run(abort, c, 4 * MS, lookup);
    expect(op.status).toBe('Canceled');
    expect(c.provisioningState).toBe('Canceled');
    expect(planUpdate(c, false).pools).toEqual(['nodepool1']);

    const failure = { afterBatches: 2, error: { code: 'UpgradeFailed', message: 'Again.' } };
    const retry = startUpdate(c, false, { now: 100_000, msPerBatch: MS, failure });
    run(retry, c, 100_000);
    expect(retry.status).toBe('Failed');
    expect(c.provisioningState).toBe('Failed');
    expect(planUpdate(c, false).pools).toEqual(['nodepool1']);

    const last = startUpdate(c, false, { now: 200_000, msPerBatch: MS });
    run(last, c, 200_000);
    expect(last.status).toBe('Succeeded');
    expect(c.pools.every((p) => p.provisioningState === 'Succeeded')).toBe(true);
    expect([0, 1, 2].every((i) => allRenewed(c, i))).toBe(true);
  });
});
