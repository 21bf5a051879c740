/**
 * The rollout model: from the machines before the change and successive snapshots, the overall stage, progress
 * per pool, elapsed time and an estimate of the time left. Pure; the browser keeps a tracker per page.
 */
import { addSample, estimateRemainingMs, type ProgressSample } from './estimate';
import { poolProgressText, terminalStatus, type TerminalStatus } from './operation-status';
import { poolProgress, type PoolProgress } from './pool-progress';
import type { OperationError, RolloutSnapshot } from './snapshot';

export type RolloutStage =
  /** ARM accepted the change; nothing else reported yet. */
  | 'submitted'
  | 'control-plane'
  | 'nodes'
  /** After the last pool: `ReconcilingDNS` and the like. */
  | 'finishing'
  | 'succeeded'
  | 'failed'
  | 'canceled'
  /** No operation status (no handle) and the cluster is still updating. */
  | 'updating';

export interface RolloutTracker {
  /** Machine names per pool before the change. Without a handle: the first names this page saw. */
  baseline: Record<string, string[]>;
  baselineFromHandle: boolean;
  /** Epoch ms when the change was accepted, when known. */
  startedAt: number | null;
  samples: ProgressSample[];
  latest: RolloutSnapshot | null;
}

export interface RolloutProgress {
  stage: RolloutStage;
  /** The operation's own status text, or null when it is not available. */
  statusText: string | null;
  currentPool: string | null;
  pools: PoolProgress[];
  replaced: number;
  total: number;
  elapsedMs: number | null;
  remainingMs: number | null;
  terminal: { status: TerminalStatus; error: OperationError | null; endTime: string | null } | null;
}

export function startTracking(baseline: Record<string, string[]> | null, startedAt: string | null): RolloutTracker {
  const started = startedAt ? Date.parse(startedAt) : NaN;
  return { baseline: baseline ?? {}, baselineFromHandle: baseline !== null, startedAt: Number.isNaN(started) ? null : started, samples: [], latest: null };
}

export function trackSnapshot(tracker: RolloutTracker, snapshot: RolloutSnapshot): RolloutTracker {
  let { baseline, startedAt } = tracker;
  // Without a handle (or for a pool the handle does not list), "old" means what this page saw first.
  const missing = snapshot.pools.filter((pool) => !(pool.name in baseline) && pool.machines);
  if (missing.length > 0) baseline = { ...baseline, ...Object.fromEntries(missing.map((pool) => [pool.name, [...pool.machines!]])) };
  const operationStart = snapshot.operation?.startTime ? Date.parse(snapshot.operation.startTime) : NaN;
  if (!Number.isNaN(operationStart)) startedAt = operationStart;
  const next: RolloutTracker = { ...tracker, baseline, startedAt, latest: snapshot };
  const { replaced } = totals(rolloutProgress(next, Date.parse(snapshot.at)).pools);
  return { ...next, samples: addSample(tracker.samples, { at: Date.parse(snapshot.at), replaced }) };
}

function totals(pools: PoolProgress[]): { replaced: number; total: number } {
  const rolled = pools.filter((pool) => pool.stage !== 'not-rolled');
  return { replaced: rolled.reduce((sum, p) => sum + Math.min(p.replaced, p.total), 0), total: rolled.reduce((sum, p) => sum + p.total, 0) };
}

function clusterTerminal(state: string): TerminalStatus | null {
  const lower = state.toLowerCase();
  if (lower === 'succeeded') return 'Succeeded';
  if (lower === 'failed') return 'Failed';
  if (lower === 'canceled') return 'Canceled';
  return null;
}

export function rolloutProgress(tracker: RolloutTracker, now: number): RolloutProgress {
  const snapshot = tracker.latest;
  if (!snapshot) {
    return { stage: 'submitted', statusText: null, currentPool: null, pools: [], replaced: 0, total: 0, elapsedMs: elapsed(tracker, null, now), remainingMs: null, terminal: null };
  }
  const operation = snapshot.operation;
  const statusText = operation?.status ?? null;
  const terminalWord = operation ? terminalStatus(operation.status) : clusterTerminal(snapshot.cluster.provisioningState);
  const terminal = terminalWord ? { status: terminalWord, error: operation?.error ?? null, endTime: operation?.endTime ?? null } : null;
  const text = poolProgressText(statusText);
  const currentPool = terminal ? null : (text?.pool ?? null);
  const pools = snapshot.pools.map((pool) => poolProgress(pool, tracker.baseline[pool.name], { terminal: terminalWord, currentPool }));
  const { replaced, total } = totals(pools);
  const stage = overallStage(statusText, terminalWord, pools, operation !== null);
  const inferredPool = currentPool ?? (stage === 'nodes' ? (pools.find((p) => p.stage === 'replacing')?.name ?? null) : null);
  return {
    stage,
    statusText,
    currentPool: inferredPool,
    pools,
    replaced,
    total,
    elapsedMs: elapsed(tracker, terminal?.endTime ?? null, now),
    remainingMs: terminal ? 0 : estimateRemainingMs(tracker.samples, total, tracker.startedAt),
    terminal,
  };
}

function overallStage(text: string | null, terminal: TerminalStatus | null, pools: PoolProgress[], hasOperation: boolean): RolloutStage {
  if (terminal === 'Succeeded') return 'succeeded';
  if (terminal === 'Failed') return 'failed';
  if (terminal === 'Canceled') return 'canceled';
  if (!hasOperation) return pools.some((p) => p.stage === 'replacing') ? 'nodes' : 'updating';
  if (poolProgressText(text)) return 'nodes';
  const lower = (text ?? '').toLowerCase();
  if (lower.includes('controlplane')) return 'control-plane';
  if (lower === 'inprogress' || lower === '') return 'submitted';
  // Any other phase after the pools (ReconcilingDNS, …) or before them.
  const anyMoved = pools.some((p) => p.stage === 'replacing' || p.stage === 'done');
  return anyMoved ? 'finishing' : 'control-plane';
}

function elapsed(tracker: RolloutTracker, endTime: string | null, now: number): number | null {
  if (tracker.startedAt === null) return null;
  const end = endTime ? Date.parse(endTime) : now;
  return Math.max(0, (Number.isNaN(end) ? now : end) - tracker.startedAt);
}
