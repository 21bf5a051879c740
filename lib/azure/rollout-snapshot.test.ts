import { describe, expect, it } from 'vitest';
import type { RolloutSnapshot } from '../rollout/snapshot';
import { simulate, type SimOptions } from '../rollout/testing/simulate';
import type { ClusterSummary } from './models';
import { buildSnapshot, emptyMemory, type RolloutReader } from './rollout-snapshot';

const SUB = '00000000-aaaa-4000-8000-000000000001';
const vmssOf = (pool: string) =>
  `/subscriptions/${SUB}/resourceGroups/MC_rg_aks_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${pool}-1234-vmss`;
const vmIdOf = (pool: string, machine: string) => `${vmssOf(pool)}/virtualMachines/${Number(machine.slice(-6))}`;

/** A fake ARM serving the simulated truth at `step`, counting reads (pages of 20, as the emulator pages). */
function simulatedArm(truths: RolloutSnapshot[], options: { forbiddenVms?: boolean } = {}) {
  const state = { step: 0, reads: { operation: 0, cluster: 0, machines: 0, vms: 0 } };
  const truth = () => truths[state.step]!;
  const pages = (n: number) => Math.max(1, Math.ceil(n / 20));
  const reader: RolloutReader = {
    async readOperation() {
      state.reads.operation++;
      const op = truth().operation!;
      return {
        status: op.status,
        startTime: op.startTime,
        endTime: op.endTime,
        error: op.error,
        retryAfterSeconds: null,
      };
    },
    async readCluster() {
      state.reads.cluster++;
      const t = truth();
      return {
        subscriptionId: SUB,
        provisioningState: t.cluster.provisioningState,
        caBundle: ['-----BEGIN CERTIFICATE-----\n…'],
        agentPools: t.pools.map((p) => ({
          name: p.name,
          osType: p.osType,
          type: p.type,
          mode: p.mode,
          count: p.count,
          maxSurge: p.maxSurge,
          provisioningState: p.provisioningState,
        })),
      } as unknown as ClusterSummary;
    },
    async listMachines(pool) {
      const machines = truth().pools.find((p) => p.name === pool)!.machines!;
      state.reads.machines += pages(machines.length);
      return {
        machines: machines.map((m) => ({ name: m.name, resourceId: vmIdOf(pool, m.name) })),
        pages: pages(machines.length),
      };
    },
    async listVms(scaleSetId) {
      if (options.forbiddenVms) {
        state.reads.vms++;
        throw Object.assign(new Error('The client does not have authorization'), {
          statusCode: 403,
          code: 'AuthorizationFailed',
        });
      }
      const pool = /aks-(\w+)-1234-vmss$/.exec(scaleSetId)![1]!;
      const machines = truth().pools.find((p) => p.name === pool)!.machines!;
      state.reads.vms += pages(machines.length);
      return {
        vms: machines.map((m) => ({
          id: vmIdOf(pool, m.name).toUpperCase(),
          computerName: m.name,
          latestModelApplied: m.vm!.latestModelApplied,
          provisioningState: m.vm!.provisioningState,
        })),
        pages: pages(machines.length),
      };
    },
  };
  return { state, reader, truth };
}

const OPTIONS: SimOptions = {
  behaviour: 'reimage',
  pools: [
    { name: 'system', count: 3, surge: 1 },
    { name: 'apps', count: 24, surge: 8 },
    { name: 'win1', count: 2, surge: 1, osType: 'Windows' },
  ],
};

describe('buildSnapshot', () => {
  it('joins machines with their VMSS VMs (ids compared case-insensitively) and ends with the operation', async () => {
    const truths = simulate(OPTIONS);
    const arm = simulatedArm(truths);
    const memory = emptyMemory();
    let now = 0;
    let snapshot: RolloutSnapshot | undefined;
    for (let step = 0; step < truths.length; step++) {
      arm.state.step = step;
      now += 5_000;
      snapshot = await buildSnapshot(arm.reader, memory, { operationUrl: 'https://arm/op', pollMs: 5000 }, () => now);
      expect(snapshot.operation!.status).toBe(truths[step]!.operation!.status);
      expect(snapshot.end).toEqual(truths[step]!.end);
      expect(snapshot.next === null).toBe(snapshot.end !== null);
    }
    expect(
      snapshot!.pools.find((p) => p.name === 'apps')!.machines!.every((m) => m.vm?.latestModelApplied === true),
    ).toBe(true);
    expect(snapshot!.pools.find((p) => p.name === 'apps')!.vms.kind).toBe('read');
    expect(snapshot!.cluster.caBundle).toHaveLength(1);
  });

  it('re-reads lists only when a state or the status changes, or at the interval', async () => {
    const truths = simulate(OPTIONS);
    const arm = simulatedArm(truths);
    const memory = emptyMemory();
    arm.state.step = 5; // the node phase, nothing changing between polls
    for (let i = 0; i < 12; i++)
      await buildSnapshot(arm.reader, memory, { operationUrl: 'https://arm/op', pollMs: 5000 }, () => i * 5000);
    // A minute of polls: 12 status reads, the cluster twice, machines and VMs of the two rolled pools (1 + 2 pages) twice,
    // the Windows pool's machines once (not busy) and never its VMs (a CA change does not renew it).
    expect(arm.state.reads).toEqual({ operation: 12, cluster: 2, machines: 7, vms: 6 });
  });

  it('spaces the lists out for a 1,000-node cluster so that reads per minute stay bounded', async () => {
    const truths = simulate({
      behaviour: 'replace',
      pools: [
        { name: 'a', count: 500, surge: 165 },
        { name: 'b', count: 500, surge: 165 },
      ],
    });
    const arm = simulatedArm(truths);
    const memory = emptyMemory();
    arm.state.step = 5;
    for (let i = 0; i < 120; i++)
      await buildSnapshot(arm.reader, memory, { operationUrl: 'https://arm/op', pollMs: 5000 }, () => i * 5000);
    const perMinute =
      (arm.state.reads.operation + arm.state.reads.cluster + arm.state.reads.machines + arm.state.reads.vms) / 10;
    expect(perMinute).toBeLessThan(60);
    expect(arm.state.reads.machines).toBeGreaterThanOrEqual(2 * 34 * 2); // still read a few times in 10 minutes
  });

  it('a 403 on the VMSS VMs makes that signal unavailable for the pool, not an error, and is asked again only later', async () => {
    const truths = simulate(OPTIONS);
    const arm = simulatedArm(truths, { forbiddenVms: true });
    const memory = emptyMemory();
    arm.state.step = 5;
    let snapshot: RolloutSnapshot | undefined;
    for (let i = 0; i < 12; i++)
      snapshot = await buildSnapshot(
        arm.reader,
        memory,
        { operationUrl: 'https://arm/op', pollMs: 5000 },
        () => i * 5000,
      );
    expect(snapshot!.pools.find((p) => p.name === 'apps')!.vms).toEqual({
      kind: 'unavailable',
      reason: 'forbidden',
      message: 'AuthorizationFailed (HTTP 403)',
    });
    expect(snapshot!.pools.find((p) => p.name === 'apps')!.machines!.length).toBeGreaterThan(0);
    expect(arm.state.reads.vms).toBe(2); // once per rolled pool in the minute
  });

  it('without an operation URL, reads the cluster every other poll and ends when the cluster settles', async () => {
    const truths = simulate({ ...OPTIONS, operation: false });
    const arm = simulatedArm(truths);
    const memory = emptyMemory();
    arm.state.step = 5;
    for (let i = 0; i < 6; i++)
      expect(
        (await buildSnapshot(arm.reader, memory, { operationUrl: null, pollMs: 5000 }, () => i * 5000)).operation,
      ).toBeNull();
    expect(arm.state.reads.operation).toBe(0);
    expect(arm.state.reads.cluster).toBe(3);
    arm.state.step = truths.length - 1;
    const last = await buildSnapshot(arm.reader, memory, { operationUrl: null, pollMs: 5000 }, () => 60_000);
    expect(last.end).toEqual({ outcome: 'succeeded', source: 'cluster' });
    expect(last.next).toBeNull();
  });

  it('asks to wait for a Retry-After longer than the poll interval', async () => {
    const arm = simulatedArm(simulate(OPTIONS));
    const reader: RolloutReader = {
      ...arm.reader,
      readOperation: async (url) => ({ ...(await arm.reader.readOperation(url)), retryAfterSeconds: 30 }),
    };
    expect((await buildSnapshot(reader, emptyMemory(), { operationUrl: 'https://arm/op', pollMs: 5000 })).next).toEqual(
      { afterMs: 30_000, reason: 'retry-after' },
    );
  });
});
