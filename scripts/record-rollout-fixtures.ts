/**
 * Records rollout snapshot sequences from the emulator's rollout simulator (the same step function the emulator
 * runs) into lib/rollout/fixtures/*.json, for lib/rollout's unit tests. Run: npx tsx scripts/record-rollout-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCluster } from '../emulator/arm/seed/builders';
import { startUpdate } from '../emulator/arm/rollout/plan';
import { stepOperation } from '../emulator/arm/rollout/step';
import { addMachine } from '../emulator/arm/state/ids';
import type { ClusterRecord, OperationRecord } from '../emulator/arm/state/types';
import type { RolloutSnapshot } from '../lib/rollout/snapshot';

const MS_PER_BATCH = 1000;
const T0 = Date.parse('2026-11-29T12:00:00.000Z');
const iso = (t: number) => new Date(t).toISOString();

function cluster(): ClusterRecord {
  return buildCluster({
    subscriptionId: '00000000-aaaa-4000-8000-000000000001',
    resourceGroup: 'rg-fixture',
    name: 'aks-fixture',
    location: 'westeurope',
    kubernetesVersion: '1.33.2',
    caCertificates: ['QQ=='],
    pools: [
      { name: 'system', count: 3, maxSurge: '1' },
      { name: 'apps', count: 4, maxSurge: '50%' },
      { name: 'win1', count: 2, osType: 'Windows', maxSurge: '1' },
    ],
  });
}

function snapshotOf(c: ClusterRecord, op: OperationRecord, t: number): RolloutSnapshot {
  return {
    at: iso(t),
    operation: { status: op.status, startTime: op.startTime, endTime: op.endTime ?? null, error: op.error ?? null, readAt: iso(t) },
    cluster: { provisioningState: c.provisioningState, readAt: iso(t), caEntries: null },
    pools: c.pools.map((p) => ({
      name: p.name,
      osType: p.osType,
      type: p.type,
      mode: p.mode,
      count: p.count,
      maxSurge: p.upgradeSettings.maxSurge ?? '10%',
      provisioningState: p.provisioningState,
      machines: p.machines.map((m) => m.name),
      machinesReadAt: iso(t),
    })),
    pollAfterMs: 5000,
  };
}

type Disturbance = (c: ClusterRecord, step: number) => void;

function record(name: string, options: { failure?: { afterBatches: number; error: { code: string; message: string } }; disturb?: Disturbance } = {}) {
  const c = cluster();
  const machinesBefore = Object.fromEntries(c.pools.map((p) => [p.name, p.machines.map((m) => m.name)]));
  const op = startUpdate(c, true, { now: T0, msPerBatch: MS_PER_BATCH, failure: options.failure });
  const snapshots = [snapshotOf(c, op, T0)];
  for (let step = 1; step < 100 && !op.endTime; step++) {
    const t = T0 + step * MS_PER_BATCH;
    stepOperation(op, c, t, MS_PER_BATCH);
    options.disturb?.(c, step);
    snapshots.push(snapshotOf(c, op, t));
  }
  const fixture = { description: name, startedAt: iso(T0), machinesBefore, snapshots };
  writeFileSync(resolve('lib/rollout/fixtures', `${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
  console.log(`${name}: ${snapshots.length} snapshots, ends ${op.status}`);
}

record('succeeds');
record('fails-mid-way', { failure: { afterBatches: 6, error: { code: 'UpgradeFailed', message: 'Drain of node aks-apps-vmss000001 failed: PodDisruptionBudget allows 0 disruptions.' } } });
// While `system` rolls, the autoscaler adds two machines to `apps` (count 4 → 6), and it
// scales `system` down by one (count 3 → 2) in the middle of its own roll, removing one of its old machines.
record('scales-during-rollout', {
  disturb: (c, step) => {
    const apps = c.pools[1]!;
    const system = c.pools[0]!;
    if (step === 2) {
      apps.count += 2;
      addMachine(apps, 1);
      addMachine(apps, 1);
    }
    if (step === 3) {
      system.count -= 1;
      system.machines = system.machines.filter((m) => !m.name.endsWith('vmss000002'));
    }
  },
});
