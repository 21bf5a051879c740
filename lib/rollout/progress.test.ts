import { describe, expect, it } from 'vitest';
import succeeds from './fixtures/succeeds.json';
import failsMidWay from './fixtures/fails-mid-way.json';
import scales from './fixtures/scales-during-rollout.json';
import { rolloutProgress, startTracking, trackSnapshot, type RolloutProgress, type RolloutTracker } from './progress';
import type { RolloutSnapshot } from './snapshot';

interface Fixture {
  startedAt: string;
  machinesBefore: Record<string, string[]>;
  snapshots: RolloutSnapshot[];
}

/** Feeds every snapshot of a recorded rollout and returns the progress after each. */
function follow(fixture: Fixture, baseline: Record<string, string[]> | null = fixture.machinesBefore): RolloutProgress[] {
  let tracker: RolloutTracker = startTracking(baseline, baseline ? fixture.startedAt : null);
  return fixture.snapshots.map((snapshot) => {
    tracker = trackSnapshot(tracker, snapshot);
    return rolloutProgress(tracker, Date.parse(snapshot.at));
  });
}

const pool = (progress: RolloutProgress, name: string) => progress.pools.find((p) => p.name === name)!;

describe('rollout progress over a recorded rollout that succeeds', () => {
  const steps = follow(succeeds as Fixture);

  it('goes submitted → control plane → nodes pool by pool → finishing → succeeded', () => {
    const stages = steps.map((s) => (s.stage === 'nodes' ? `nodes:${s.currentPool}` : s.stage));
    expect([...new Set(stages)]).toEqual(['submitted', 'control-plane', 'nodes:system', 'nodes:apps', 'finishing', 'succeeded']);
  });

  it('counts old machines gone of total per pool, matching the operation text at each step', () => {
    for (const [index, step] of steps.entries()) {
      const text = (succeeds as Fixture).snapshots[index]!.operation!.status;
      const match = /UpgradingNodePools: (\S+) (\d+)\/(\d+)/.exec(text);
      if (!match) continue;
      expect(pool(step, match[1]!)).toMatchObject({ replaced: Number(match[2]), total: Number(match[3]) });
    }
  });

  it('shows surge machines while a pool rolls and none when it is done', () => {
    const surging = steps.find((s) => s.statusText === 'UpgradingNodePools: system 0/3 nodes replaced')!;
    expect(pool(surging, 'system')).toMatchObject({ stage: 'replacing', surge: 1, machineCount: 4, newMachines: [expect.stringMatching(/vmss/)] });
    expect(pool(surging, 'apps').stage).toBe('waiting');
    const appsRolling = steps.find((s) => s.currentPool === 'apps')!;
    expect(pool(appsRolling, 'system')).toMatchObject({ stage: 'done', replaced: 3, surge: 0 });
    const last = steps[steps.length - 1]!;
    expect(last.terminal).toMatchObject({ status: 'Succeeded', error: null });
    expect(last.pools.map((p) => [p.name, p.stage, p.replaced, p.total])).toEqual([
      ['system', 'done', 3, 3],
      ['apps', 'done', 4, 4],
      ['win1', 'not-rolled', 0, 2],
    ]);
    expect(last).toMatchObject({ replaced: 7, total: 7, remainingMs: 0 });
  });

  it('reports elapsed time from the start and an estimate once there is a rate', () => {
    expect(steps[0]!.remainingMs).toBeNull();
    expect(steps[2]!.remainingMs).toBeNull(); // surge only, nothing replaced yet
    const midway = steps.find((s) => s.replaced === 2)!;
    expect(midway.remainingMs).toBeGreaterThan(0);
    expect(midway.elapsedMs).toBe(Date.parse((succeeds as Fixture).snapshots[steps.indexOf(midway)]!.at) - Date.parse(succeeds.startedAt));
    const last = steps[steps.length - 1]!;
    expect(last.elapsedMs).toBe(Date.parse(succeeds.snapshots.at(-1)!.operation!.endTime!) - Date.parse(succeeds.startedAt));
  });

  it('resumes after a reload from the handle alone: the counts are right at once', () => {
    const fixture = succeeds as Fixture;
    const midIndex = fixture.snapshots.findIndex((s) => s.operation!.status.startsWith('UpgradingNodePools: apps'));
    const resumed = follow({ ...fixture, snapshots: fixture.snapshots.slice(midIndex) });
    expect(resumed[0]!.pools.map((p) => [p.name, p.stage, p.replaced])).toEqual(steps[midIndex]!.pools.map((p) => [p.name, p.stage, p.replaced]));
    // A rate is known at once from the operation's start time.
    expect(resumed.find((s) => s.replaced > 3)!.remainingMs).not.toBeNull();
  });
});

describe('a recorded rollout that fails mid-way', () => {
  const steps = follow(failsMidWay as Fixture);
  const last = steps[steps.length - 1]!;

  it('ends failed with ARM error code and message', () => {
    expect(last.stage).toBe('failed');
    expect(last.terminal).toEqual({ status: 'Failed', error: { code: 'UpgradeFailed', message: expect.stringContaining('PodDisruptionBudget') }, endTime: expect.any(String) });
  });

  it('says which pools finished and where the failing pool stopped', () => {
    expect(pool(last, 'system')).toMatchObject({ stage: 'done', replaced: 3, total: 3 });
    expect(pool(last, 'apps')).toMatchObject({ stage: 'failed', replaced: 2, total: 4 });
    expect(pool(last, 'win1').stage).toBe('not-rolled');
    expect(last.remainingMs).toBe(0);
  });
});

describe('a recorded rollout during which pools scale', () => {
  const steps = follow(scales as Fixture);

  it('keeps the total to the machines that existed before; an autoscaled-in machine is new, not old', () => {
    const afterScaleUp = steps[2]!;
    expect(pool(afterScaleUp, 'apps')).toMatchObject({ stage: 'waiting', total: 4, replaced: 0, count: 6, countChange: 2, surge: 0, newMachines: [expect.any(String), expect.any(String)] });
  });

  it('counts an old machine removed by a scale-down as gone, never more than the total', () => {
    const afterScaleDown = steps[3]!;
    expect(pool(afterScaleDown, 'system')).toMatchObject({ replaced: 2, total: 3, count: 2, countChange: -1 });
    for (const step of steps) for (const p of step.pools) expect(p.replaced).toBeLessThanOrEqual(p.total);
  });

  it('ends with every pool done and all old machines gone', () => {
    const last = steps[steps.length - 1]!;
    expect(last.stage).toBe('succeeded');
    expect(last.pools.filter((p) => p.stage !== 'not-rolled').map((p) => [p.name, p.stage, p.replaced, p.total])).toEqual([
      ['system', 'done', 3, 3],
      ['apps', 'done', 4, 4],
    ]);
  });
});

describe('without a handle', () => {
  const fixture = succeeds as Fixture;
  const noStatus = (s: RolloutSnapshot): RolloutSnapshot => ({ ...s, operation: null });

  it('takes the first machines seen as the old ones and infers the stage from pool states and churn', () => {
    const from = fixture.snapshots.findIndex((s) => s.operation!.status === 'UpgradingNodePools: system 1/3 nodes replaced');
    const steps = follow({ ...fixture, snapshots: fixture.snapshots.slice(from).map(noStatus) }, null);
    // A surge machine above the target count says the pool is rolling.
    expect(steps[0]).toMatchObject({ stage: 'nodes', currentPool: 'system', statusText: null, elapsedMs: null });
    expect(pool(steps[0]!, 'system')).toMatchObject({ replaced: 0, surge: 1 });
    expect(pool(steps[1]!, 'system')).toMatchObject({ replaced: 1 });
    const before = fixture.snapshots.findIndex((s) => s.operation!.status === 'ProvisioningControlPlane');
    expect(follow({ ...fixture, snapshots: [fixture.snapshots[before]!].map(noStatus) }, null)[0]!.stage).toBe('updating');
    expect(steps[steps.length - 1]!.stage).toBe('succeeded');
  });
});

describe('a handle that does not list a pool', () => {
  it('uses the machines first seen for that pool', () => {
    const fixture = succeeds as Fixture;
    const { apps: _, ...withoutApps } = fixture.machinesBefore;
    const steps = follow(fixture, withoutApps);
    expect(pool(steps[0]!, 'apps')).toMatchObject({ total: 4, replaced: 0, stage: 'waiting' });
    expect(pool(steps[steps.length - 1]!, 'apps')).toMatchObject({ total: 4, replaced: 4, stage: 'done' });
  });
});

