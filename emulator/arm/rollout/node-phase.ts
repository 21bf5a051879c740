/**
 * The node phase of a CA change (status `ReconcilingDNS` throughout, azure-facts §13). Every rolled pool moves
 * one batch per step, all pools at the same time ("each node pool upgrades independently").
 *
 * Per pool with `n` nodes, surge `s` and batch `b` = s + maxUnavailable:
 * - first `s` surge VMs are created on the new VMSS model (none with maxSurge "0");
 * - `replace`: each batch deletes up to `b` original machines and creates new ones (new names) so that the pool
 *   keeps `n + s` machines until the last batch and ends with `n`, all new;
 * - `reimage`: each batch reimages up to `b` original machines in place (names kept; VM `Updating`, then
 *   `Succeeded` on the new model one step later); at the end the surge machines are deleted.
 * New VMs read `Creating` for one step. A pool is done when nothing is pending or in flight.
 */
import { addMachine } from '../state/ids';
import type { ClusterRecord, MachineRecord, OperationRecord, PoolProgress, PoolRecord } from '../state/types';
import { machinesBehind } from './reconcile';
import { surgeCount, unavailableCount } from './surge';

function poolIndex(cluster: ClusterRecord, pool: PoolRecord): number {
  return cluster.pools.indexOf(pool);
}

function addNew(cluster: ClusterRecord, pool: PoolRecord, now: number): MachineRecord {
  const machine = addMachine(pool, poolIndex(cluster, pool), now);
  machine.vmState = 'Creating';
  return machine;
}

/**
 * Entering the node phase. A CA change: the VMSS model of every rolled pool changes; every VM on the old one reads
 * latestModelApplied false and is renewed. A reconciliation (`reconcile`, rollout/reconcile.ts): the model stays;
 * only the VMs behind it are renewed, with the pool's surge capped at their number.
 */
export function startNodePhase(
  op: OperationRecord,
  cluster: ClusterRecord,
  poolNames: string[],
  reconcile = false,
): void {
  op.pools = [];
  for (const name of poolNames) {
    const pool = cluster.pools.find((p) => p.name === name);
    if (!pool) continue;
    if (!reconcile) pool.modelVersion = (pool.modelVersion ?? 0) + 1;
    const n = pool.machines.length;
    const pending = reconcile ? machinesBehind(pool).map((m) => m.name) : pool.machines.map((m) => m.name);
    let surge = Math.min(surgeCount(n, pool.upgradeSettings.maxSurge), pending.length);
    const unavailable = unavailableCount(n, pool.upgradeSettings.maxUnavailable);
    if (surge + unavailable === 0 && pending.length > 0) surge = 1; // never stall (a PUT cannot set both to 0)
    op.pools.push({
      pool: name,
      nodes: n,
      surge,
      batch: surge + unavailable,
      pending,
      inFlight: [],
      surgeMachines: [],
      surged: false,
      done: pending.length === 0,
    });
    if (pending.length === 0) pool.provisioningState = 'Succeeded';
  }
}

/** VMs created or reimaged in the previous step are done. */
function settle(pool: PoolRecord, progress: PoolProgress): void {
  const inFlight = new Set(progress.inFlight);
  for (const machine of pool.machines) {
    if (machine.vmState === 'Creating') machine.vmState = 'Succeeded';
    if (inFlight.has(machine.name)) {
      machine.vmState = 'Succeeded';
      machine.model = pool.modelVersion ?? 0;
    }
  }
  progress.inFlight = [];
}

function replaceBatch(cluster: ClusterRecord, pool: PoolRecord, progress: PoolProgress, now: number): void {
  const batch = new Set(progress.pending.splice(0, progress.batch));
  pool.machines = pool.machines.filter((m) => !batch.has(m.name));
  const fresh = pool.machines.length - progress.pending.length;
  const wanted = Math.min(progress.nodes, progress.nodes - progress.pending.length + progress.surge);
  for (let i = fresh; i < wanted; i++) addNew(cluster, pool, now);
}

function reimageBatch(pool: PoolRecord, progress: PoolProgress): void {
  progress.inFlight = progress.pending.splice(0, progress.batch);
  const reimaging = new Set(progress.inFlight);
  for (const machine of pool.machines) if (reimaging.has(machine.name)) machine.vmState = 'Updating';
}

/** One batch of one pool; returns true when the pool is done. */
function stepPool(cluster: ClusterRecord, pool: PoolRecord, progress: PoolProgress, now: number): boolean {
  settle(pool, progress);
  if (!progress.surged) {
    progress.surged = true;
    if (progress.surge > 0) {
      for (let i = 0; i < progress.surge; i++) {
        const machine = addNew(cluster, pool, now);
        if (cluster.nodeReplacement === 'reimage') progress.surgeMachines.push(machine.name);
      }
      return false;
    }
  }
  if (progress.pending.length > 0) {
    if (cluster.nodeReplacement === 'reimage') reimageBatch(pool, progress);
    else replaceBatch(cluster, pool, progress, now);
    return false;
  }
  if (progress.surgeMachines.length > 0) {
    const surge = new Set(progress.surgeMachines);
    pool.machines = pool.machines.filter((m) => !surge.has(m.name));
    progress.surgeMachines = [];
  }
  return !pool.machines.some((m) => m.vmState === 'Creating');
}

/** One step of the node phase for every pool still rolling; returns true when all are done. */
export function stepNodePhase(op: OperationRecord, cluster: ClusterRecord, now: number): boolean {
  for (const progress of op.pools ?? []) {
    if (progress.done) continue;
    const pool = cluster.pools.find((p) => p.name === progress.pool);
    progress.done = !pool || stepPool(cluster, pool, progress, now);
    if (progress.done && pool) pool.provisioningState = 'Succeeded';
  }
  return (op.pools ?? []).every((p) => p.done);
}

/** Failure or abort: VMs mid-reimage or mid-creation end in `state`. */
export function stopNodePhase(op: OperationRecord, cluster: ClusterRecord, state: 'Failed' | 'Succeeded'): void {
  for (const progress of op.pools ?? []) {
    const pool = cluster.pools.find((p) => p.name === progress.pool);
    if (!pool) continue;
    const inFlight = new Set(progress.inFlight);
    for (const machine of pool.machines) {
      if (machine.vmState === 'Creating' || inFlight.has(machine.name)) {
        machine.vmState = state;
        if (state === 'Succeeded') machine.model = pool.modelVersion ?? 0;
      }
    }
  }
  delete op.pools;
}
