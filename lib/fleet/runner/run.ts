/**
 * runFleetPlan: one fleet run, the same code for the page (server actions as deps) and the CLI (lib/azure as deps).
 *
 * 1. Reconcile against ARM: each cluster to apply is read; holding its planned `after` = done (or still rolling out
 *    when an operation is running: tracked in its wave), holding `before` = waiting, anything else = conflict (never
 *    written). A cluster that holds `after` with a failed operation = failed, and the run stops before any apply.
 * 2. Waves in order, at most `parallel` rollouts at once (a slot is held from the apply to the rollout's end). Each
 *    apply does a fresh read and compares with `before` inside deps.apply; a conflict skips that cluster.
 * 3. A failure stops new applies (running rollouts are followed to their end), the rest is `skipped`. A canary wave in
 *    which nothing succeeded stops the run too.
 * 4. After each wave this run wrote to (not the last): soak, then re-read the wave; a cluster no longer holding its
 *    bundle or Failed = failed.
 * 5. Pause: no new applies. Abort (control.signal): no new applies, no waiting; returns at once with phase `aborted`,
 *    running rollouts left running (the caller may abort them).
 *
 * Never throws for ARM trouble (it becomes a cluster's state); throws RangeError for invalid options.
 */
import type { FleetPlan, PlannedCluster } from '../plan/types';
import { isFleetConflict } from './conflict';
import { conflictMessage, isOperationRunning, matchBundle } from './bundle-match';
import { estimateRemainingMs } from './estimate';
import type { ClusterRunState, FleetRunControl, FleetRunDeps, FleetRunView, RunOptions } from './types';
import { planWaves } from './waves';

/** Polls of a rollout's status that may fail in a row before the cluster is reported failed. */
export const MAX_STATUS_ERRORS = 5;
/** Reads in flight at once while reconciling. */
const RECONCILE_CONCURRENCY = 8;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function checkOptions(options: RunOptions): void {
  const whole = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (!whole(options.parallel, 1)) throw new RangeError('parallel must be a whole number of at least 1.');
  if (!whole(options.waveSize, 1)) throw new RangeError('waveSize must be a whole number of at least 1.');
  if (!(options.soakMs >= 0)) throw new RangeError('soakMs must be 0 or more.');
  if (!(options.pollMs > 0)) throw new RangeError('pollMs must be more than 0.');
}

async function eachBounded<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function runFleetPlan(
  plan: FleetPlan,
  options: RunOptions,
  deps: FleetRunDeps,
  control: FleetRunControl,
  onChange: (view: FleetRunView) => void,
): Promise<FleetRunView> {
  checkOptions(options);
  const wavePlan = planWaves(plan, options);
  if (!wavePlan.ok) throw new RangeError(wavePlan.message);
  const { signal } = control;
  const byId = new Map(plan.clusters.map((cluster) => [cluster.ref.id, cluster]));
  const startedAt = deps.now();
  const durations: number[] = [];
  let soakingUntil: Date | null = null;
  let ended: FleetRunView['phase'] | null = null;

  const view: FleetRunView = {
    waves: wavePlan.waves,
    currentWave: null,
    clusters: {},
    startedAt: startedAt.toISOString(),
    phase: 'running',
    stopReason: null,
    finishedAt: null,
    elapsedMs: 0,
    estimatedRemainingMs: null,
    soakingUntil: null,
    timings: {},
  };
  for (const cluster of plan.clusters) {
    view.clusters[cluster.ref.id] = cluster.block
      ? { state: 'blocked', message: cluster.block.message }
      : { state: 'waiting' };
    view.timings[cluster.ref.id] = { startedAt: null, finishedAt: null };
  }

  const emit = () => {
    const now = deps.now();
    view.elapsedMs = now.getTime() - startedAt.getTime();
    view.phase = ended ?? (control.isPaused() ? 'paused' : 'running');
    view.soakingUntil = soakingUntil ? soakingUntil.toISOString() : null;
    view.estimatedRemainingMs = ended
      ? 0
      : estimateRemainingMs({
          view,
          durations,
          parallel: options.parallel,
          soakMs: options.soakMs,
          nowMs: now.getTime(),
          soakingUntilMs: soakingUntil ? soakingUntil.getTime() : null,
        });
    onChange({ ...view, clusters: { ...view.clusters }, timings: { ...view.timings } });
  };
  const set = (id: string, state: ClusterRunState) => {
    view.clusters[id] = state;
    const final = ['succeeded', 'failed', 'conflict', 'skipped'].includes(state.state);
    const timing = view.timings[id]!;
    if (state.state === 'applying') view.timings[id] = { startedAt: deps.now().toISOString(), finishedAt: null };
    else if (final && timing.startedAt) view.timings[id] = { ...timing, finishedAt: deps.now().toISOString() };
    emit();
  };
  const stateOf = (id: string) => view.clusters[id]!.state;
  let stopReason: string | null = null;
  const stop = (reason: string) => {
    stopReason ??= reason;
  };

  // --- 1. Reconcile ---------------------------------------------------------------------------------------------
  emit();
  await eachBounded(wavePlan.waves.flat(), RECONCILE_CONCURRENCY, async (id) => {
    if (signal.aborted) return;
    const cluster = byId.get(id)!;
    let reading;
    try {
      reading = await deps.readCluster(cluster.ref);
    } catch {
      return; // Left waiting: the apply's own fresh read decides (and reports) it.
    }
    const match = matchBundle(cluster, reading.caBundleSha256);
    const state = reading.provisioningState.toLowerCase();
    if (match === 'before') return;
    if (match === 'other')
      return set(id, { state: 'conflict', message: conflictMessage(cluster, reading.caBundleSha256) });
    if (isOperationRunning(reading.provisioningState)) return set(id, { state: 'rolling-out', progress: null });
    if (state === 'failed' || state === 'canceled') {
      stop(`${cluster.ref.name} holds the planned bundle but its last operation ended ${reading.provisioningState}.`);
      return set(id, {
        state: 'failed',
        message: `The cluster holds the planned CA bundle but its last operation ended ${reading.provisioningState}.`,
      });
    }
    set(id, { state: 'succeeded', already: true });
  });

  // --- 2. Waves -------------------------------------------------------------------------------------------------
  const pemsOf = (cluster: PlannedCluster): string[] | string => {
    const missing = cluster.after.filter((sha) => !plan.certificates[sha]);
    if (missing.length > 0) return `The plan has no PEM for ${missing.length} of this cluster's planned certificates.`;
    return cluster.after.map((sha) => plan.certificates[sha]!);
  };

  const follow = async (cluster: PlannedCluster, operationUrl: string | undefined): Promise<void> => {
    const id = cluster.ref.id;
    let errors = 0;
    let last: ClusterRunState = view.clusters[id]!;
    for (;;) {
      try {
        await deps.sleep(options.pollMs, signal);
      } catch {
        return; // Aborted: the rollout keeps running in Azure; its state stays rolling-out.
      }
      if (signal.aborted) return;
      let status;
      try {
        status = await deps.rolloutStatus(cluster, operationUrl);
        errors = 0;
      } catch (error) {
        if (++errors < MAX_STATUS_ERRORS) continue;
        stop(`The rollout of ${cluster.ref.name} could not be read.`);
        return set(id, { state: 'failed', message: `The rollout status could not be read: ${errorText(error)}` });
      }
      if (status.phase === 'succeeded') {
        const started = view.timings[id]!.startedAt;
        if (started) durations.push(deps.now().getTime() - Date.parse(started));
        return set(id, { state: 'succeeded', already: !started });
      }
      if (status.phase === 'failed') {
        stop(`The rollout of ${cluster.ref.name} failed.`);
        return set(id, { state: 'failed', message: status.message ?? 'The rollout failed.' });
      }
      const next: ClusterRunState = {
        state: 'rolling-out',
        progress: status.progress,
        ...(operationUrl ? { operationUrl } : {}),
      };
      if (JSON.stringify(next) !== JSON.stringify(last)) {
        last = next;
        set(id, next);
      } else emit();
    }
  };

  const applyOne = async (cluster: PlannedCluster): Promise<void> => {
    const id = cluster.ref.id;
    set(id, { state: 'applying' });
    const pems = pemsOf(cluster);
    if (typeof pems === 'string') {
      stop(`${cluster.ref.name} could not be applied.`);
      return set(id, { state: 'failed', message: pems });
    }
    let operationUrl: string | undefined;
    try {
      ({ operationUrl } = await deps.apply(cluster, pems));
    } catch (error) {
      if (isFleetConflict(error)) {
        if (matchBundle(cluster, error.current) !== 'after')
          return set(id, { state: 'conflict', message: conflictMessage(cluster, error.current) });
        // Another runner (a second browser, a pipeline) wrote it: nothing written by us, follow or finish.
        view.timings[id] = { startedAt: null, finishedAt: null };
        if (!isOperationRunning(error.provisioningState)) return set(id, { state: 'succeeded', already: true });
        set(id, { state: 'rolling-out', progress: null });
        return follow(cluster, undefined);
      }
      stop(`${cluster.ref.name} could not be applied.`);
      return set(id, { state: 'failed', message: errorText(error) });
    }
    set(id, { state: 'rolling-out', progress: null, ...(operationUrl ? { operationUrl } : {}) });
    await follow(cluster, operationUrl);
  };

  const runWave = async (wave: string[]): Promise<boolean> => {
    const active = new Set<Promise<void>>();
    const start = (work: Promise<void>) => {
      const tracked = work.finally(() => active.delete(tracked));
      active.add(tracked);
    };
    let wrote = false;
    for (const id of wave) if (stateOf(id) === 'rolling-out') start(follow(byId.get(id)!, undefined));
    if (active.size > 0) wrote = true;
    for (const id of wave) {
      if (stateOf(id) !== 'waiting') continue;
      while (active.size >= options.parallel) await Promise.race(active);
      while (!signal.aborted && stopReason === null && control.isPaused()) {
        emit();
        await control.waitWhilePaused(signal).catch(() => undefined);
      }
      if (signal.aborted || stopReason !== null) break;
      wrote = true;
      start(applyOne(byId.get(id)!));
    }
    while (active.size > 0) await Promise.race(active);
    return wrote;
  };

  const soakAndCheck = async (wave: string[]): Promise<void> => {
    soakingUntil = new Date(deps.now().getTime() + options.soakMs);
    emit();
    try {
      await deps.sleep(options.soakMs, signal);
    } catch {
      return;
    } finally {
      soakingUntil = null;
    }
    if (signal.aborted) return;
    await eachBounded(
      wave.filter((id) => stateOf(id) === 'succeeded'),
      RECONCILE_CONCURRENCY,
      async (id) => {
        const cluster = byId.get(id)!;
        try {
          const reading = await deps.readCluster(cluster.ref);
          const state = reading.provisioningState.toLowerCase();
          if (matchBundle(cluster, reading.caBundleSha256) !== 'after' || state === 'failed') {
            stop(`${cluster.ref.name} did not stay healthy during the soak.`);
            set(id, {
              state: 'failed',
              message: `After the soak the cluster is ${reading.provisioningState}${
                matchBundle(cluster, reading.caBundleSha256) === 'after'
                  ? ''
                  : ' and no longer holds the planned CA bundle'
              }.`,
            });
          }
        } catch {
          // A read that fails after the soak says nothing about the cluster: the next wave's reads will tell.
        }
      },
    );
  };

  for (let index = 0; index < view.waves.length; index++) {
    if (signal.aborted || stopReason !== null) break;
    const wave = view.waves[index]!;
    view.currentWave = index;
    emit();
    const wrote = await runWave(wave);
    if (signal.aborted || stopReason !== null) break;
    if (index === 0 && !wave.some((id) => stateOf(id) === 'succeeded')) {
      stop('No cluster of the canary wave succeeded: the next waves were not started.');
      break;
    }
    if (wrote && options.soakMs > 0 && index < view.waves.length - 1) await soakAndCheck(wave);
  }

  // --- 3. Finish ------------------------------------------------------------------------------------------------
  const aborted = signal.aborted;
  const reason = aborted ? 'The run was aborted.' : stopReason;
  for (const id of view.waves.flat())
    if (stateOf(id) === 'waiting') view.clusters[id] = { state: 'skipped', message: reason ?? 'Not started.' };
  view.stopReason = reason;
  view.currentWave = null;
  view.finishedAt = deps.now().toISOString();
  ended = aborted ? 'aborted' : stopReason !== null ? 'stopped-on-failure' : 'done';
  emit();
  return { ...view, clusters: { ...view.clusters }, timings: { ...view.timings } };
}
