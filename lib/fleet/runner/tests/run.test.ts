import { describe, expect, it } from 'vitest';
import { createRunControl } from '../control';
import { fleetRunReport, runExitCode } from '../report';
import { runFleetPlan } from '../run';
import type { FleetRunView, RunOptions } from '../types';
import { BUNDLES, fixture, sha } from './fake-arm';

const MIN = 60_000;
const options = (extra: Partial<RunOptions> = {}): RunOptions => ({
  canary: [],
  waveSize: 3,
  parallel: 2,
  soakMs: 0,
  pollMs: 10_000,
  ...extra,
});

function start(names: string[], extra: Partial<RunOptions> = {}, blocked: string[] = []) {
  const f = fixture(names, blocked);
  const handle = createRunControl();
  const views: FleetRunView[] = [];
  const listeners: ((view: FleetRunView) => void)[] = [];
  const run = (opts = options(extra)) =>
    f.clock.drive(
      runFleetPlan(f.plan, opts, f.arm.deps(), handle.control, (view) => {
        views.push(view);
        for (const listener of listeners) listener(view);
      }),
      onIdle,
    );
  let onIdle: (() => boolean) | undefined;
  return {
    ...f,
    handle,
    views,
    run,
    onChange: (listener: (view: FleetRunView) => void) => listeners.push(listener),
    setOnIdle: (fn: () => boolean) => (onIdle = fn),
  };
}

const seven = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];

describe('runFleetPlan', () => {
  it('applies the canary, then each wave, never more than `parallel` rollouts at once', async () => {
    const t = start(seven);
    const view = await t.run();
    expect(view.phase).toBe('done');
    expect(view.waves.map((wave) => wave.length)).toEqual([1, 3, 3]);
    expect(Object.values(view.clusters)).toEqual(seven.map(() => ({ state: 'succeeded', already: false })));
    expect(t.arm.puts).toHaveLength(7);
    expect(new Set(t.arm.puts).size).toBe(7);
    expect(t.arm.maxOverlap()).toBe(2);
    // Waves are sequential: every rollout of wave k ended before any of wave k+1 began.
    const span = (wave: string[]) => t.arm.rollouts.filter((r) => wave.includes(r.id));
    for (let k = 0; k + 1 < view.waves.length; k++) {
      const end = Math.max(...span(view.waves[k]!).map((r) => r.end));
      const nextStart = Math.min(...span(view.waves[k + 1]!).map((r) => r.start));
      expect(nextStart).toBeGreaterThanOrEqual(end);
    }
    for (const cluster of t.plan.clusters) expect(t.arm.clusters.get(cluster.ref.id)!.bundle).toEqual(BUNDLES.after);
    expect(view.finishedAt).toBe(t.clock.now().toISOString());
    expect(view.elapsedMs).toBe(t.clock.nowMs);
    expect(runExitCode(fleetRunReport(t.plan, view))).toBe(0);
  });

  it('reports progress, the current wave, elapsed time and an estimate once a cluster finished', async () => {
    const t = start(seven);
    await t.run();
    const rolling = t.views.find((view) => Object.values(view.clusters).some((s) => s.state === 'rolling-out'));
    expect(rolling?.currentWave).toBe(0);
    expect(t.views.some((view) => JSON.stringify(view).includes('"progress":{"done":1,"total":3}'))).toBe(true);
    const beforeFirst = t.views.filter((view) => !Object.values(view.clusters).some((s) => s.state === 'succeeded'));
    expect(beforeFirst.every((view) => view.estimatedRemainingMs === null)).toBe(true);
    const afterCanary = t.views.find((view) => view.currentWave === 1)!;
    // 60 s rollouts polled every 10 s: the canary took 60 s; two waves of 3 at 2 at once = 2 × 2 × 60 s.
    expect(afterCanary.estimatedRemainingMs).toBe(4 * MIN);
    expect(afterCanary.timings[afterCanary.waves[0]![0]!]).toEqual({
      startedAt: new Date(t.clock.base).toISOString(),
      finishedAt: new Date(t.clock.base + MIN).toISOString(),
    });
    expect(t.views.at(-1)!.estimatedRemainingMs).toBe(0);
  });

  it('soaks after each wave it wrote to and re-reads the wave before the next one', async () => {
    const t = start(['c1', 'c2', 'c3'], { waveSize: 1, soakMs: 10 * MIN });
    const view = await t.run();
    expect(view.phase).toBe('done');
    const [r1, r2, r3] = t.arm.rollouts;
    expect(r2!.start - r1!.end).toBeGreaterThanOrEqual(10 * MIN);
    expect(r3!.start - r2!.end).toBeGreaterThanOrEqual(10 * MIN);
    expect(t.views.some((v) => v.soakingUntil !== null)).toBe(true);
    expect(t.clock.nowMs).toBe(3 * MIN + 2 * 10 * MIN);
  });

  it('fails a wave when a cluster fell over during the soak', async () => {
    const t = start(['c1', 'c2'], { waveSize: 1, soakMs: 10 * MIN });
    t.onChange((view) => {
      if (view.soakingUntil) t.arm.clusters.get(t.idOf('c1'))!.provisioningState = 'Failed';
    });
    const view = await t.run();
    expect(view.phase).toBe('stopped-on-failure');
    expect(view.clusters[t.idOf('c1')]).toEqual({ state: 'failed', message: 'After the soak the cluster is Failed.' });
    expect(view.clusters[t.idOf('c2')]).toMatchObject({ state: 'skipped' });
    expect(t.arm.puts).toEqual([t.idOf('c1')]);
  });

  it('stops on a failed rollout: running rollouts end, the rest is skipped and reported', async () => {
    const t = start(seven);
    t.arm.failNext.add(t.idOf('c2'));
    const view = await t.run();
    expect(view.phase).toBe('stopped-on-failure');
    expect(view.stopReason).toBe('The rollout of c2 failed.');
    expect(view.clusters[t.idOf('c2')]).toEqual({ state: 'failed', message: 'The rollout failed (injected).' });
    expect(view.clusters[t.idOf('c3')]).toEqual({ state: 'succeeded', already: false }); // was running alongside
    for (const name of ['c4', 'c5', 'c6', 'c7'])
      expect(view.clusters[t.idOf(name)]).toEqual({ state: 'skipped', message: 'The rollout of c2 failed.' });
    expect(t.arm.puts).toEqual([t.idOf('c1'), t.idOf('c2'), t.idOf('c3')]);
    const report = fleetRunReport(t.plan, view);
    expect(report.counts).toMatchObject({ succeeded: 2, failed: 1, skipped: 4 });
    expect(runExitCode(report)).toBe(1);
  });

  it('a failed canary stops every later wave', async () => {
    const t = start(seven);
    t.arm.failNext.add(t.idOf('c1'));
    const view = await t.run();
    expect(t.arm.puts).toEqual([t.idOf('c1')]);
    expect(Object.values(view.clusters).filter((s) => s.state === 'skipped')).toHaveLength(6);
  });

  it('an apply ARM refuses fails that cluster and stops the run', async () => {
    const t = start(['c1', 'c2']);
    t.arm.applyErrors.set(t.idOf('c1'), 'OperationNotAllowed: the cluster is stopped');
    const view = await t.run();
    expect(view.clusters[t.idOf('c1')]).toEqual({
      state: 'failed',
      message: 'OperationNotAllowed: the cluster is stopped',
    });
    expect(view.clusters[t.idOf('c2')]).toMatchObject({ state: 'skipped' });
  });

  it('rides out a few failed status reads, fails after MAX_STATUS_ERRORS in a row', async () => {
    const t = start(['c1', 'c2']);
    t.arm.statusErrors.set(t.idOf('c1'), 4);
    expect((await t.run()).phase).toBe('done');
    const u = start(['c1', 'c2']);
    u.arm.statusErrors.set(u.idOf('c1'), 5);
    const view = await u.run();
    expect(view.clusters[u.idOf('c1')]).toEqual({
      state: 'failed',
      message: 'The rollout status could not be read: ServiceUnavailable',
    });
  });

  it('reports a cluster changed elsewhere before the run as a conflict and never writes it', async () => {
    const t = start(['c1', 'c2', 'c3']);
    const other = [sha('d')];
    t.arm.changeElsewhere(t.idOf('c2'), other);
    const view = await t.run();
    expect(view.phase).toBe('done');
    expect(view.clusters[t.idOf('c2')]).toMatchObject({ state: 'conflict', message: /changed since the plan/ });
    expect(t.arm.clusters.get(t.idOf('c2'))!.bundle).toEqual(other);
    expect(t.arm.puts).toEqual([t.idOf('c1'), t.idOf('c3')]);
    expect(runExitCode(fleetRunReport(t.plan, view))).toBe(1);
  });

  it('reports a cluster changed elsewhere during the run as a conflict (the fresh read before the PUT)', async () => {
    const t = start(['c1', 'c2', 'c3'], { parallel: 1 });
    t.onChange((view) => {
      if (view.currentWave === 1 && t.arm.clusters.get(t.idOf('c3'))!.bundle.length === 2)
        t.arm.changeElsewhere(t.idOf('c3'), [BUNDLES.KEEP]);
    });
    const view = await t.run();
    expect(view.clusters[t.idOf('c3')]).toMatchObject({ state: 'conflict' });
    expect(t.arm.clusters.get(t.idOf('c3'))!.bundle).toEqual([BUNDLES.KEEP]);
    expect(t.arm.puts).toEqual([t.idOf('c1'), t.idOf('c2')]);
  });

  it('a canary wave with no success (all conflicts) stops the run', async () => {
    const t = start(['c1', 'c2']);
    t.arm.changeElsewhere(t.idOf('c1'), [sha('d')]);
    const view = await t.run();
    expect(view.phase).toBe('stopped-on-failure');
    expect(view.stopReason).toMatch(/canary/);
    expect(t.arm.puts).toEqual([]);
  });

  it('resumes: done clusters are not re-applied, a rollout still going is followed, not re-applied', async () => {
    const t = start(seven);
    t.arm.changeElsewhere(t.idOf('c1'), BUNDLES.after);
    t.arm.changeElsewhere(t.idOf('c2'), BUNDLES.after);
    t.arm.changeElsewhere(t.idOf('c3'), BUNDLES.after);
    t.arm.clusters.get(t.idOf('c3'))!.provisioningState = 'Updating';
    t.arm.clusters.get(t.idOf('c3'))!.rollout = { start: 0, end: 30_000, fail: false };
    const view = await t.run();
    expect(view.phase).toBe('done');
    expect(t.arm.puts).toEqual(['c4', 'c5', 'c6', 'c7'].map(t.idOf));
    expect(view.clusters[t.idOf('c1')]).toEqual({ state: 'succeeded', already: true });
    expect(view.clusters[t.idOf('c3')]).toEqual({ state: 'succeeded', already: true });
    expect(t.views.some((v) => v.clusters[t.idOf('c3')]!.state === 'rolling-out')).toBe(true);
    expect(fleetRunReport(t.plan, view).counts.alreadyDone).toBe(3);
    // A second run over a finished fleet writes nothing.
    const again = start(['c1']);
    again.arm.changeElsewhere(again.idOf('c1'), BUNDLES.after);
    expect((await again.run()).clusters[again.idOf('c1')]).toEqual({ state: 'succeeded', already: true });
    expect(again.arm.puts).toEqual([]);
  });

  it('a cluster that holds the planned bundle after a failed operation stops the run before any apply', async () => {
    const t = start(['c1', 'c2', 'c3']);
    t.arm.changeElsewhere(t.idOf('c2'), BUNDLES.after);
    t.arm.clusters.get(t.idOf('c2'))!.provisioningState = 'Failed';
    const view = await t.run();
    expect(view.phase).toBe('stopped-on-failure');
    expect(t.arm.puts).toEqual([]);
    expect(view.clusters[t.idOf('c2')]).toMatchObject({ state: 'failed' });
  });

  it('takes a cluster another runner wrote meanwhile as done, without a PUT', async () => {
    const t = start(['c1', 'c2'], { parallel: 1 });
    t.onChange((view) => {
      if (view.currentWave === 1 && t.arm.clusters.get(t.idOf('c2'))!.bundle[1] === BUNDLES.OLD)
        t.arm.changeElsewhere(t.idOf('c2'), BUNDLES.after);
    });
    const view = await t.run();
    expect(view.clusters[t.idOf('c2')]).toEqual({ state: 'succeeded', already: true });
    expect(t.arm.puts).toEqual([t.idOf('c1')]);
  });

  it('shows blocked clusters as blocked and applies around them', async () => {
    const t = start(['c1', 'c2', 'c3'], {}, ['c2']);
    const view = await t.run();
    expect(view.clusters[t.idOf('c2')]).toEqual({ state: 'blocked', message: 'The cluster is stopped.' });
    expect(view.waves.flat()).not.toContain(t.idOf('c2'));
    expect(runExitCode(fleetRunReport(t.plan, view))).toBe(0);
  });

  it('pause starts no new apply until resume', async () => {
    const t = start(seven);
    let pausedAt = -1;
    t.onChange((view) => {
      if (pausedAt < 0 && view.clusters[t.idOf('c1')]!.state === 'succeeded') {
        t.handle.pause();
        pausedAt = t.clock.nowMs;
      }
    });
    let idleChecks = 0;
    t.setOnIdle(() => {
      idleChecks++;
      expect(t.arm.puts).toEqual([t.idOf('c1')]);
      t.clock.nowMs += 30 * MIN; // time passes while paused
      t.handle.resume();
      return true;
    });
    const view = await t.run();
    expect(idleChecks).toBe(1);
    expect(t.views.some((v) => v.phase === 'paused')).toBe(true);
    expect(view.phase).toBe('done');
    expect(t.arm.rollouts[1]!.start).toBeGreaterThanOrEqual(pausedAt + 30 * MIN);
  });

  it('pause keeps following running rollouts', async () => {
    const t = start(seven);
    let paused = false;
    t.onChange((view) => {
      if (!paused && view.currentWave === 1 && t.arm.puts.length === 3) {
        paused = true;
        t.handle.pause();
      }
    });
    let finishedWhilePaused = 0;
    t.setOnIdle(() => {
      finishedWhilePaused = Object.values(t.views.at(-1)!.clusters).filter((s) => s.state === 'succeeded').length;
      t.handle.resume();
      return true;
    });
    await t.run();
    expect(finishedWhilePaused).toBe(3); // c1, c2 and c3 finished although paused
  });

  it('abort starts nothing new and returns at once, leaving running rollouts running', async () => {
    const t = start(seven);
    t.onChange((view) => {
      if (view.currentWave === 1 && t.arm.puts.length === 3) t.handle.abort();
    });
    const view = await t.run();
    expect(view.phase).toBe('aborted');
    expect(view.stopReason).toBe('The run was aborted.');
    expect(t.arm.puts).toHaveLength(3);
    expect(view.clusters[t.idOf('c2')]).toMatchObject({ state: 'rolling-out' });
    expect(view.clusters[t.idOf('c4')]).toEqual({ state: 'skipped', message: 'The run was aborted.' });
    expect(t.clock.nowMs).toBe(MIN); // nothing waited after the abort
    expect(runExitCode(fleetRunReport(t.plan, view))).toBe(1);
  });

  it('abort while paused returns', async () => {
    const t = start(['c1', 'c2']);
    t.onChange((view) => {
      if (view.clusters[t.idOf('c1')]!.state === 'succeeded') t.handle.pause();
    });
    t.setOnIdle(() => {
      t.handle.abort();
      return true;
    });
    const view = await t.run();
    expect(view.phase).toBe('aborted');
    expect(t.arm.puts).toEqual([t.idOf('c1')]);
  });

  it('fails a cluster whose planned PEM is missing from the plan, and refuses bad options', async () => {
    const t = start(['c1']);
    delete t.plan.certificates[BUNDLES.NEW];
    const view = await t.run();
    expect(view.clusters[t.idOf('c1')]).toMatchObject({ state: 'failed', message: /no PEM/ });
    await expect(t.run(options({ parallel: 0 }))).rejects.toThrow(RangeError);
    await expect(t.run(options({ canary: ['nope'] }))).rejects.toThrow(/not a cluster/);
  });
});
