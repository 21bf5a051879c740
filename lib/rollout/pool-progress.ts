/**
 * Progress of one agent pool from the signals real ARM gives, strongest first (azure-facts §13):
 * 1. VMSS VMs: `latestModelApplied` and `provisioningState` per node (needs read access to the node resource group);
 * 2. machines appearing and disappearing (replace: new names; reimage: names kept, so no signal but surge);
 * 3. the pool's and the operation's provisioning state.
 * Works for both replacement behaviours and never claims more than its signals show: a count it cannot know is
 * null ("unknown"), never a guess. Pure.
 */
import { isBusyState, isCancelingState, provisioningState, type ProvisioningOutcome } from './provisioning-state';
import type { MachineSnapshot, PoolSnapshot } from './snapshot';

export type PoolStage =
  /** Will be rolled; nothing has moved yet (per-node signals say so). */
  | 'waiting'
  | 'updating'
  | 'done'
  | 'failed'
  | 'canceling'
  | 'canceled'
  /** The operation ended (failed or canceled) before this pool finished. */
  | 'stopped'
  /** Busy, but the signals at hand cannot tell whether its nodes moved (e.g. reimage without VMSS access). */
  | 'unknown'
  /** Not touched: not busy and never seen busy by this page. */
  | 'unchanged'
  /** Windows or non-VMSS pools: a CA change does not reimage them. */
  | 'not-rolled';

/** How this pool's nodes are being renewed, as far as the signals showed it. */
export type PoolBehaviour = 'replace' | 'reimage' | 'unknown';

/** Where per-node progress comes from: VMSS VMs, machine names only, or nothing. */
export type NodeSignal = 'vmss' | 'machines' | 'none';

export type MachineRole = 'before' | 'new';
export type MachineState = 'updated' | 'updating' | 'pending' | 'deleting' | 'unknown';

export interface MachineProgress {
  name: string;
  role: MachineRole;
  state: MachineState;
}

/** What a tracker remembers per pool between snapshots. */
export interface PoolMemory {
  seenBusy: boolean;
  /** A VM of this pool was seen off the latest model (or being updated): the node phase began here. */
  modelFlipped: boolean;
  behaviour: PoolBehaviour;
  /**
   * Machines from before the change that were seen off the latest model or being updated: one of them back on the
   * model under its own name is a reimage in place. (A machine already on the model proves nothing: a rollout that
   * failed earlier may have renewed it, and a retry starts with it.)
   */
  pendingBefore: string[];
}

export const freshPoolMemory = (): PoolMemory => ({
  seenBusy: false,
  modelFlipped: false,
  behaviour: 'unknown',
  pendingBefore: [],
});

export interface PoolProgress {
  name: string;
  osType: string;
  provisioningState: string;
  stage: PoolStage;
  behaviour: PoolBehaviour;
  signal: NodeSignal;
  /** Nodes this pool must renew: the machines before the change. */
  total: number;
  /** Nodes known to be on the new configuration; null when the signals cannot tell. */
  updated: number | null;
  /** Of `updated`: reimaged in place (names kept) and replaced by new machines. */
  reimaged: number;
  replaced: number;
  /** Machines above the target count right now. */
  surge: number;
  count: number;
  countChange: number;
  machineCount: number;
  machinesReadAt: string | null;
  machines: MachineProgress[];
  /** Why per-node progress is weaker than VMSS VMs, for the page to say. */
  signalNote: string | null;
}

/** Pools whose nodes a CA change renews (azure-facts §1): Linux VMSS pools. */
export function rollsOnCaChange(pool: Pick<PoolSnapshot, 'osType' | 'type'>): boolean {
  return pool.osType.toLowerCase() === 'linux' && pool.type.toLowerCase() === 'virtualmachinescalesets';
}

export interface PoolContext {
  /** The rollout ended with this outcome (null while it runs or when unknown). */
  outcome: ProvisioningOutcome | null;
}

function machineState(machine: MachineSnapshot, role: MachineRole, flipped: boolean): MachineState {
  const vm = machine.vm;
  if (!vm) return 'unknown';
  const state = vm.provisioningState.toLowerCase();
  if (state === 'deleting') return 'deleting';
  if (state === 'creating' || state === 'updating') return 'updating';
  if (vm.latestModelApplied === false) return 'pending';
  if (vm.latestModelApplied === true && state === 'succeeded') {
    // Before the node phase every VM reads true (old model, nothing pending): only a new VM or a flipped pool counts.
    return role === 'new' || flipped ? 'updated' : 'pending';
  }
  return 'unknown';
}

/** Folds what this snapshot shows about the pool into its memory. */
export function rememberPool(memory: PoolMemory, pool: PoolSnapshot, before: readonly string[]): PoolMemory {
  const baseline = new Set(before);
  const machines = pool.machines ?? [];
  const seenBusy = memory.seenBusy || isBusyState(pool.provisioningState);
  const modelFlipped =
    memory.modelFlipped ||
    machines.some(
      (m) =>
        m.vm &&
        (m.vm.latestModelApplied === false || (baseline.has(m.name) && /^updating$/i.test(m.vm.provisioningState))),
    );
  const vmsRead = pool.vms.kind === 'read';
  const pendingNow = vmsRead
    ? machines
        .filter(
          (m) =>
            baseline.has(m.name) &&
            m.vm &&
            (m.vm.latestModelApplied === false || /^updating$/i.test(m.vm.provisioningState)),
        )
        .map((m) => m.name)
    : [];
  const pendingBefore =
    pendingNow.length === 0 ? memory.pendingBefore : [...new Set([...memory.pendingBefore, ...pendingNow])];
  let behaviour = memory.behaviour;
  if (behaviour === 'unknown' && pool.machines) {
    const listed = new Set(machines.map((m) => m.name));
    const gone = before.filter((name) => !listed.has(name)).length;
    const added = machines.filter((m) => !baseline.has(m.name)).length;
    const wasPending = new Set(memory.pendingBefore);
    const reimaging =
      vmsRead &&
      machines.some(
        (m) =>
          baseline.has(m.name) &&
          m.vm &&
          (/^updating$/i.test(m.vm.provisioningState) ||
            (wasPending.has(m.name) &&
              m.vm.latestModelApplied === true &&
              /^succeeded$/i.test(m.vm.provisioningState))),
      );
    if (reimaging) behaviour = 'reimage';
    else if (gone > 0 && added > 0) behaviour = 'replace';
  }
  return { seenBusy, modelFlipped, behaviour, pendingBefore };
}

export function poolProgress(
  pool: PoolSnapshot,
  before: readonly string[] | undefined,
  memory: PoolMemory,
  context: PoolContext,
): PoolProgress {
  const baseline = before ?? [];
  const inBaseline = new Set(baseline);
  const machines = pool.machines ?? [];
  const listed = new Set(machines.map((m) => m.name));
  const vmsRead = pool.vms.kind === 'read' && pool.machines !== null;
  const progressOf = machines.map((m) => {
    const role: MachineRole = inBaseline.has(m.name) ? 'before' : 'new';
    return {
      name: m.name,
      role,
      state: vmsRead ? machineState(m, role, memory.modelFlipped) : 'unknown',
    } satisfies MachineProgress;
  });
  const gone = pool.machines === null ? 0 : baseline.filter((name) => !listed.has(name)).length;
  const newMachines = progressOf.filter((m) => m.role === 'new');
  const newOnModel = vmsRead ? newMachines.filter((m) => m.state === 'updated').length : newMachines.length;
  const replaced = Math.min(gone, newOnModel);
  const reimaged =
    vmsRead && memory.modelFlipped ? progressOf.filter((m) => m.role === 'before' && m.state === 'updated').length : 0;
  const rolled = rollsOnCaChange(pool);
  // Machines above the target count before the change are surge left by an earlier rollout that failed or was
  // canceled: they are removed, not renewed, so they do not count as nodes to renew.
  const total = Math.min(baseline.length, pool.count);
  const info = provisioningState(pool.provisioningState);

  let signal: NodeSignal;
  let updated: number | null;
  let signalNote: string | null = null;
  if (context.outcome === 'succeeded') {
    signal = vmsRead ? 'vmss' : pool.machines ? 'machines' : 'none';
    updated = total; // the operation itself says every node is done
  } else if (vmsRead) {
    signal = 'vmss';
    updated = Math.min(total, reimaged + replaced);
  } else if (pool.machines !== null) {
    signal = 'machines';
    // Names only: replacements show; a node reimaged in place keeps its name and shows nothing.
    updated = gone > 0 || memory.behaviour === 'replace' ? replaced : null;
    signalNote = vmNote(pool);
  } else {
    signal = 'none';
    updated = null;
    signalNote = pool.machinesError ? `Machines cannot be listed: ${pool.machinesError}` : vmNote(pool);
  }

  const surge = pool.machines ? Math.max(0, machines.length - pool.count) : 0;
  const moved =
    (updated ?? 0) > 0 ||
    gone > 0 ||
    surge > 0 ||
    memory.modelFlipped ||
    progressOf.some((m) => m.state === 'updating' || m.state === 'deleting');
  const stage = poolStage({
    rolled,
    info,
    context,
    memory,
    updated,
    total,
    moved,
    vmsRead,
    poolState: pool.provisioningState,
  });

  return {
    name: pool.name,
    osType: pool.osType,
    provisioningState: pool.provisioningState,
    stage,
    behaviour: memory.behaviour,
    signal,
    total,
    updated: rolled ? updated : null,
    reimaged,
    replaced,
    surge,
    count: pool.count,
    countChange: before ? pool.count - baseline.length : 0,
    machineCount: machines.length,
    machinesReadAt: pool.machinesReadAt,
    machines: progressOf,
    signalNote: rolled ? signalNote : null,
  };
}

function vmNote(pool: PoolSnapshot): string {
  if (pool.vms.kind === 'unavailable') {
    return pool.vms.reason === 'forbidden'
      ? `VMSS VMs unavailable: no read access to the node resource group (${pool.vms.message}). Nodes reimaged in place keep their names, so per-node progress is unknown for them.`
      : `VMSS VMs unavailable: ${pool.vms.message}. Per-node progress of nodes reimaged in place is unknown.`;
  }
  return 'VMSS VMs not read yet.';
}

interface StageInput {
  rolled: boolean;
  info: ReturnType<typeof provisioningState>;
  context: PoolContext;
  memory: PoolMemory;
  updated: number | null;
  total: number;
  moved: boolean;
  vmsRead: boolean;
  poolState: string;
}

function poolStage({
  rolled,
  info,
  context,
  memory,
  updated,
  total,
  moved,
  vmsRead,
  poolState,
}: StageInput): PoolStage {
  if (!rolled) return 'not-rolled';
  if (info.outcome === 'failed') return 'failed';
  if (isCancelingState(poolState)) return 'canceling';
  if (info.outcome === 'canceled') return 'canceled';
  if (context.outcome === 'succeeded') return 'done';
  // A pool that went back to Succeeded after this page saw it busy, with every node accounted for (or no way to count).
  const finished = info.outcome === 'succeeded' && memory.seenBusy && (updated === null || updated >= total);
  if (finished) return 'done';
  if (context.outcome) return 'stopped';
  if (!info.known) return 'unknown';
  if (!info.busy) return memory.seenBusy ? 'updating' : 'unchanged';
  if (moved) return 'updating';
  return vmsRead || memory.behaviour === 'replace' ? 'waiting' : 'unknown';
}
