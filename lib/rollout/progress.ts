/**
 * The rollout model: from the machines before the change (when this browser holds the handle) and successive
 * snapshots, the outcome, the stages, progress per pool, which signals are at hand, elapsed time and an estimate.
 * Pure; the polling hook folds snapshots into a tracker with trackSnapshot.
 */
import { addSample, estimateRemainingMs, type ProgressSample } from './estimate';
import { freshPoolMemory, poolProgress, rememberPool, type PoolMemory, type PoolProgress } from './pool-progress';
import { isBusyState, isCancelingState, operationOutcome, type ProvisioningOutcome } from './provisioning-state';
import type { OperationError, RolloutSnapshot } from './snapshot';
import { rolloutSignals, type HandleAbsence, type Signal } from './signals';
import { rolloutStages, type Stage } from './stages';

export interface RolloutTracker {
  /** Machine names per pool before the change: from the handle, or (for pools it lacks) the first names this page saw. */
  baseline: Record<string, string[]>;
  baselineFromHandle: Record<string, boolean>;
  /** Null when this browser holds the rollout's handle; else why not. */
  handleAbsence: HandleAbsence | null;
  /** Epoch ms when the change was accepted, when known. */
  startedAt: number | null;
  pools: Record<string, PoolMemory>;
  clusterSeenBusy: boolean;
  samples: ProgressSample[];
  latest: RolloutSnapshot | null;
}

export type RolloutPhase = 'running' | 'canceling' | 'succeeded' | 'failed' | 'canceled' | 'idle';

export interface RolloutProgress {
  phase: RolloutPhase;
  /** The operation's own status text, verbatim, or null when it is not available. */
  statusText: string | null;
  stages: Stage[];
  pools: PoolProgress[];
  /** Nodes known on the new configuration over rolled pools; null when any rolled pool's count is unknown. */
  updated: number | null;
  /** What is known even when `updated` is null (pools with a count). */
  updatedKnown: number;
  total: number;
  signals: Signal[];
  elapsedMs: number | null;
  remainingMs: number | null;
  terminal: { outcome: ProvisioningOutcome; error: OperationError | null; endTime: string | null } | null;
}

export function startTracking(
  machinesBefore: Record<string, string[]> | null,
  startedAt: string | null,
  handleAbsence: HandleAbsence | null,
): RolloutTracker {
  const started = startedAt ? Date.parse(startedAt) : NaN;
  const baseline = machinesBefore ?? {};
  return {
    baseline,
    baselineFromHandle: Object.fromEntries(Object.keys(baseline).map((pool) => [pool, true])),
    handleAbsence,
    startedAt: Number.isNaN(started) ? null : started,
    pools: {},
    clusterSeenBusy: false,
    samples: [],
    latest: null,
  };
}

export function trackSnapshot(tracker: RolloutTracker, snapshot: RolloutSnapshot): RolloutTracker {
  let { baseline, baselineFromHandle, startedAt } = tracker;
  // For a pool the handle does not list (or without a handle), "before" means what this page saw first.
  const missing = snapshot.pools.filter((pool) => !(pool.name in baseline) && pool.machines);
  if (missing.length > 0) {
    baseline = {
      ...baseline,
      ...Object.fromEntries(missing.map((pool) => [pool.name, pool.machines!.map((m) => m.name)])),
    };
    baselineFromHandle = { ...baselineFromHandle, ...Object.fromEntries(missing.map((pool) => [pool.name, false])) };
  }
  const operationStart = snapshot.operation?.startTime ? Date.parse(snapshot.operation.startTime) : NaN;
  if (!Number.isNaN(operationStart)) startedAt = operationStart;
  const pools = { ...tracker.pools };
  for (const pool of snapshot.pools)
    pools[pool.name] = rememberPool(pools[pool.name] ?? freshPoolMemory(), pool, baseline[pool.name] ?? []);
  const clusterSeenBusy =
    tracker.clusterSeenBusy ||
    isBusyState(snapshot.cluster.provisioningState) ||
    (snapshot.operation !== null && operationOutcome(snapshot.operation.status) === null);
  const next: RolloutTracker = {
    ...tracker,
    baseline,
    baselineFromHandle,
    startedAt,
    pools,
    clusterSeenBusy,
    latest: snapshot,
  };
  const { updatedKnown } = totals(rolloutProgress(next, Date.parse(snapshot.at)).pools);
  return { ...next, samples: addSample(tracker.samples, { at: Date.parse(snapshot.at), replaced: updatedKnown }) };
}

function totals(pools: PoolProgress[]): { updated: number | null; updatedKnown: number; total: number } {
  const rolled = pools.filter((pool) => pool.stage !== 'not-rolled');
  const updatedKnown = rolled.reduce((sum, p) => sum + Math.min(p.updated ?? 0, p.total), 0);
  return {
    updated: rolled.some((p) => p.updated === null) ? null : updatedKnown,
    updatedKnown,
    total: rolled.reduce((sum, p) => sum + p.total, 0),
  };
}

function phaseOf(
  outcome: ProvisioningOutcome | null,
  snapshot: RolloutSnapshot,
  clusterSeenBusy: boolean,
): RolloutPhase {
  if (outcome) return outcome;
  if (isCancelingState(snapshot.cluster.provisioningState)) return 'canceling';
  if (snapshot.end && !clusterSeenBusy) return 'idle';
  return 'running';
}

export function rolloutProgress(tracker: RolloutTracker, now: number): RolloutProgress {
  const snapshot = tracker.latest;
  if (!snapshot) {
    return {
      phase: 'running',
      statusText: null,
      stages: [],
      pools: [],
      updated: null,
      updatedKnown: 0,
      total: 0,
      signals: [],
      elapsedMs: elapsed(tracker, null, now),
      remainingMs: null,
      terminal: null,
    };
  }
  const operation = snapshot.operation;
  // Without the operation's status, a cluster that this page saw busy and that settled ended that way; one never seen busy had nothing running.
  const ended = snapshot.end && (snapshot.end.source === 'operation' || tracker.clusterSeenBusy) ? snapshot.end : null;
  const outcome = ended?.outcome ?? null;
  const phase = phaseOf(outcome, snapshot, tracker.clusterSeenBusy);
  const terminal = outcome ? { outcome, error: operation?.error ?? null, endTime: operation?.endTime ?? null } : null;
  const pools = snapshot.pools.map((pool) =>
    poolProgress(pool, tracker.baseline[pool.name], tracker.pools[pool.name] ?? freshPoolMemory(), { outcome }),
  );
  const { updated, updatedKnown, total } = totals(pools);
  return {
    phase,
    statusText: operation?.status ?? null,
    stages: rolloutStages({ phase, hasOperation: operation !== null, clusterSeenBusy: tracker.clusterSeenBusy, pools }),
    pools,
    updated,
    updatedKnown,
    total,
    signals: rolloutSignals({
      snapshot,
      pools,
      handleAbsence: tracker.handleAbsence,
      baselineFromHandle: tracker.baselineFromHandle,
    }),
    elapsedMs: elapsed(tracker, terminal?.endTime ?? null, now),
    remainingMs: terminal
      ? 0
      : updated === null
        ? null
        : estimateRemainingMs(tracker.samples, total, tracker.startedAt),
    terminal,
  };
}

function elapsed(tracker: RolloutTracker, endTime: string | null, now: number): number | null {
  if (tracker.startedAt === null) return null;
  const end = endTime ? Date.parse(endTime) : now;
  return Math.max(0, (Number.isNaN(end) ? now : end) - tracker.startedAt);
}
