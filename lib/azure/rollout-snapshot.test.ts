import { describe, expect, it } from 'vitest';
import succeeds from '../rollout/fixtures/succeeds.json';
import failsMidWay from '../rollout/fixtures/fails-mid-way.json';
import type { RolloutSnapshot } from '../rollout/snapshot';
import type { ClusterSummary } from './models';
import { buildSnapshot, emptyMemory, type RolloutReader } from './rollout-snapshot';

interface Fixture {
  snapshots: RolloutSnapshot[];
}

/** A fake ARM that serves the emulator state recorded at step `i`, counting reads. */
function recordedArm(fixture: Fixture) {
  const state = { step: 0, reads: { operation: 0, cluster: 0, machines: 0 } };
  const truth = () => fixture.snapshots[state.step]!;
  const reader: RolloutReader = {
    async readOperation() {
      state.reads.operation++;
      const op = truth().operation!;
      return { status: op.status, startTime: op.startTime, endTime: op.endTime, error: op.error, retryAfterSeconds: null };
    },
    async readCluster() {
      state.reads.cluster++;
      const t = truth();
      return {
        provisioningState: t.cluster.provisioningState,
        caEntries: ['-----BEGIN CERTIFICATE-----\n…'],
        agentPools: t.pools.map((p) => ({ name: p.name, osType: p.osType, type: p.type, mode: p.mode, count: p.count, maxSurge: p.maxSurge, provisioningState: p.provisioningState })),
      } as unknown as ClusterSummary;
    },
    async listMachines(pool) {
      state.reads.machines++;
      return truth().pools.find((p) => p.name === pool)!.machines!;
    },
  };
  return { state, reader, truth };
}

describe('buildSnapshot', () => {
  it('re-reads only what the operation says moved, and every snapshot matches the emulator at that step', async () => {
    const arm = recordedArm(succeeds as Fixture);
    const memory = emptyMemory();
    let now = 0;
    for (let step = 0; step < succeeds.snapshots.length; step++) {
      arm.state.step = step;
      now += 5_000;
      const snapshot = await buildSnapshot(arm.reader, memory, { operationUrl: 'https://arm/op', pollMs: 5000 }, () => now);
      const truth = arm.truth();
      expect(snapshot.operation!.status).toBe(truth.operation!.status);
      for (const pool of truth.pools) {
        const seen = snapshot.pools.find((p) => p.name === pool.name)!;
        expect([pool.name, seen.machines]).toEqual([pool.name, pool.machines]);
      }
      expect(snapshot.cluster.caEntries === null).toBe(!/^(Succeeded|Failed|Canceled)$/.test(truth.operation!.status));
    }
    const steps = succeeds.snapshots.length;
    expect(arm.state.reads.operation).toBe(steps);
    // Every step re-reading everything would be 1 cluster + 3 pools per step.
    expect(arm.state.reads.cluster).toBeLessThanOrEqual(6);
    expect(arm.state.reads.machines).toBeLessThan(steps * 3 / 2);
  });

  it('reads the final states and the CA list once the operation has failed', async () => {
    const arm = recordedArm(failsMidWay as Fixture);
    const memory = emptyMemory();
    let snapshot: RolloutSnapshot | undefined;
    for (let step = 0; step < failsMidWay.snapshots.length; step++) {
      arm.state.step = step;
      snapshot = await buildSnapshot(arm.reader, memory, { operationUrl: 'https://arm/op', pollMs: 5000 }, () => step * 5000);
    }
    expect(snapshot!.operation).toMatchObject({ status: 'Failed', error: { code: 'UpgradeFailed' } });
    expect(snapshot!.pools.map((p) => [p.name, p.provisioningState])).toEqual([['system', 'Succeeded'], ['apps', 'Failed'], ['win1', 'Succeeded']]);
    expect(snapshot!.pools[1]!.machines).toEqual(failsMidWay.snapshots.at(-1)!.pools[1]!.machines);
    expect(snapshot!.cluster.caEntries).toHaveLength(1);
  });

  it('without an operation URL reads the cluster every time and Updating pools at most every 10 s', async () => {
    const arm = recordedArm(succeeds as Fixture);
    const memory = emptyMemory();
    for (let i = 0; i < 6; i++) {
      arm.state.step = 3;
      const snapshot = await buildSnapshot(arm.reader, memory, { operationUrl: null, pollMs: 5000 }, () => i * 5000);
      expect(snapshot.operation).toBeNull();
    }
    expect(arm.state.reads).toEqual({ operation: 0, cluster: 6, machines: 3 + 2 * 2 });
  });

  it('waits for a Retry-After longer than the poll interval', async () => {
    const arm = recordedArm(succeeds as Fixture);
    const reader: RolloutReader = { ...arm.reader, readOperation: async (url) => ({ ...(await arm.reader.readOperation(url)), retryAfterSeconds: 30 }) };
    expect((await buildSnapshot(reader, emptyMemory(), { operationUrl: 'https://arm/op', pollMs: 5000 })).pollAfterMs).toBe(30_000);
  });
});
