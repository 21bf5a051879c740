/**
 * The fleet runner (issue 12): runs a FleetPlan wave by wave against ARM through injected deps (the page gives server
 * actions, the CLI gives lib/azure). Pure data types; the contract's shapes, refined only by additions.
 *
 * Keys: every `string` that names a cluster here (waves, `clusters`, `timings`) is the plan's `ref.id`, as written in
 * the plan.
 */
import type { FleetClusterRef } from '../types';
import type { PlannedCluster } from '../plan/types';

export type ClusterRunState =
  | { state: 'waiting' }
  | { state: 'applying' }
  | { state: 'rolling-out'; progress: { done: number; total: number } | null; operationUrl?: string }
  /** already = it held the planned bundle when the run found it (nothing was written by this run). */
  | { state: 'succeeded'; already: boolean }
  | { state: 'failed'; message: string }
  /** Bundle differs from both before and after: skipped, never overwritten. */
  | { state: 'conflict'; message: string }
  /** Not started because the run stopped (failure, abort). */
  | { state: 'skipped'; message: string }
  /** The plan blocked it. */
  | { state: 'blocked'; message: string };

export type ClusterRunStateName = ClusterRunState['state'];

export interface RunOptions {
  /**
   * The canary wave: cluster names or ARM ids (case-insensitive). Empty = the first cluster to apply. A name that
   * matches clusters in several subscriptions is refused (use the id).
   */
  canary: string[];
  /** Clusters per wave after the canary (>= 1). */
  waveSize: number;
  /** At most this many rollouts at once (>= 1). */
  parallel: number;
  /** Wait after each wave before the next one starts (0 = none). */
  soakMs: number;
  /** How often a running rollout is polled. */
  pollMs: number;
}

/** What the cluster holds now (deps.readCluster). */
export interface FleetClusterReading {
  /** sha256 of each caBundle entry, in ARM's order (lower-case hex). */
  caBundleSha256: string[];
  /** ARM's provisioningState (`Succeeded`, `Updating`, `Failed`, …). */
  provisioningState: string;
  /** `Running`, `Stopped`, or null when ARM did not say. */
  powerState: string | null;
}

export interface FleetRolloutStatus {
  phase: 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number } | null;
  message?: string;
}

export interface FleetRunDeps {
  readCluster(ref: FleetClusterRef): Promise<FleetClusterReading>;
  /**
   * Fresh read + compare with `before` + PUT, inside. Throws FleetConflict (./conflict.ts) when the cluster's bundle
   * differs from the plan's `before`; the runner then treats a cluster that already holds `after` as applied
   * elsewhere (another runner) and any other bundle as a conflict. Any other throw = that cluster failed.
   */
  apply(cluster: PlannedCluster, pems: string[]): Promise<{ operationUrl?: string }>;
  /** operationUrl is absent when the run found the rollout already going (resume): status from provisioningState. */
  rolloutStatus(cluster: PlannedCluster, operationUrl?: string): Promise<FleetRolloutStatus>;
  /** Resolves after ms, rejects (any error) when signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): Date;
}

export interface FleetRunControl {
  /** Abort: no new applies, no new waves; the run returns with phase 'aborted' (running rollouts are not touched). */
  signal: AbortSignal;
  /** Pause: no new applies; running rollouts are still polled. */
  isPaused(): boolean;
  /** Resolves once not paused (or rejects/resolves when signal aborts). */
  waitWhilePaused(signal: AbortSignal): Promise<void>;
}

export interface ClusterTiming {
  /** When this run started applying it (ISO); null = not started by this run. */
  startedAt: string | null;
  /** When it reached a final state in this run (ISO). */
  finishedAt: string | null;
}

export interface FleetRunView {
  waves: string[][];
  /** Index into waves of the wave being applied (or soaked); null before the first and after the last. */
  currentWave: number | null;
  clusters: Record<string, ClusterRunState>;
  /** ISO */
  startedAt: string;
  phase: 'running' | 'paused' | 'stopped-on-failure' | 'aborted' | 'done';
  // Additions to the contract's shape:
  /** Why the run stopped early (failure, abort, canary without success); null otherwise. */
  stopReason: string | null;
  /** ISO, when the run returned; null while it runs. */
  finishedAt: string | null;
  /** deps.now() - startedAt at the last change (a page ticking a clock may compute its own from startedAt). */
  elapsedMs: number;
  /** Estimated time left, from the durations of clusters this run applied and finished; null until one finished. */
  estimatedRemainingMs: number | null;
  /** ISO end of the soak after currentWave while soaking; null otherwise. */
  soakingUntil: string | null;
  /** Per cluster id: when this run applied it and when it finished. */
  timings: Record<string, ClusterTiming>;
}

/** planWaves' answer: the waves (cluster ids; canary first) or why the options are refused. */
export type WavePlan = { ok: true; waves: string[][] } | { ok: false; message: string };

/** The final report the CLI prints (and a page may download): the view plus counts. */
export interface FleetRunReport {
  phase: FleetRunView['phase'];
  stopReason: string | null;
  startedAt: string;
  finishedAt: string | null;
  elapsedMs: number;
  waves: string[][];
  counts: Record<ClusterRunStateName, number> & { alreadyDone: number };
  clusters: {
    id: string;
    name: string;
    subscriptionId: string;
    tenantId: string;
    wave: number | null;
    result: ClusterRunState;
  }[];
}
