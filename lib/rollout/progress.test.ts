import { describe, expect, it } from 'vitest';
import { rolloutProgress, startTracking, trackSnapshot, type RolloutProgress, type RolloutTracker } from './progress';
import type { HandleAbsence } from './signals';
import { machinesBefore, simulate, type SimOptions } from './testing/simulate';

const POOLS = [
  { name: 'system', count: 3, surge: 1 },
  { name: 'apps', count: 8, surge: 3 },
  { name: 'win1', count: 2, surge: 1, osType: 'Windows' },
];

/** Feeds every snapshot of a simulated rollout and returns the progress after each. */
function follow(options: SimOptions, withHandle = true): RolloutProgress[] {
  const handleAbsence: HandleAbsence | null = withHandle ? null : 'none';
  let tracker: RolloutTracker = startTracking(
    withHandle ? machinesBefore(options) : null,
    withHandle ? '2026-12-01T10:00:00.000Z' : null,
    handleAbsence,
  );
  return simulate(options).map((snapshot) => {
    tracker = trackSnapshot(tracker, snapshot);
    return rolloutProgress(tracker, Date.parse(snapshot.at));
  });
}

const pool = (progress: RolloutProgress, name: string) => progress.pools.find((p) => p.name === name)!;
const stageStates = (progress: RolloutProgress) => progress.stages.map((s) => `${s.key}:${s.state}`).join(' ');

describe.each(['replace', 'reimage'] as const)('a %s rollout with VMSS access and the handle', (behaviour) => {
  const steps = follow({ behaviour, pools: POOLS });

  it('moves each pool from 0 to every node, never backwards, never above the total', () => {
    for (const name of ['system', 'apps']) {
      const counts = steps.map((s) => pool(s, name).updated);
      expect(counts[0]).toBe(0);
      expect(counts.at(-1)).toBe(pool(steps[0]!, name).total);
      for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
      expect(counts.every((c) => c !== null && c <= pool(steps[0]!, name).total)).toBe(true);
      expect(new Set(counts).size).toBeGreaterThan(2);
    }
  });

  it('learns the behaviour from the signals', () => {
    expect(pool(steps.at(-1)!, 'apps').behaviour).toBe(behaviour);
    expect(pool(steps.at(-1)!, 'apps').signal).toBe('vmss');
  });

  it('does not count surge or not-yet-flipped VMs as updated', () => {
    // Before the node phase every VM reads latestModelApplied true: nothing is updated.
    expect(steps.slice(0, 2).every((s) => s.updated === 0)).toBe(true);
    // Surge machines are on the new model but replace nothing yet.
    const surging = steps[3]!;
    expect(pool(surging, 'apps')).toMatchObject({ surge: 3, updated: 0, stage: 'updating' });
  });

  it('goes through the stages from signals, ticking Done only at the end', () => {
    expect(stageStates(steps[0]!)).toBe('accepted:complete preparing:current nodes:to-come end:to-come');
    expect(stageStates(steps[1]!)).toBe('accepted:complete preparing:current nodes:to-come end:to-come');
    // ReconcilingDNS: the VMSS model flipped, so nodes are being renewed (the text itself is not parsed).
    expect(stageStates(steps[2]!)).toBe('accepted:complete preparing:complete nodes:current end:to-come');
    for (const step of steps.slice(0, -1)) expect(step.stages.find((s) => s.key === 'end')!.state).not.toBe('complete');
    for (const step of steps.slice(0, -1))
      expect(step.stages.find((s) => s.key === 'nodes')!.state).not.toBe('complete');
    expect(stageStates(steps.at(-1)!)).toBe('accepted:complete preparing:complete nodes:complete end:complete');
    expect(steps.at(-1)).toMatchObject({ phase: 'succeeded', updated: 11, total: 11, remainingMs: 0 });
  });

  it('leaves Windows pools alone', () => {
    expect(pool(steps.at(-1)!, 'win1')).toMatchObject({ stage: 'not-rolled', updated: null });
  });

  it('says it has every signal', () => {
    expect(steps.at(-1)!.signals.map((s) => `${s.key}:${s.state}`)).toEqual([
      'operation:have',
      'machines-before:have',
      'vmss:have',
      'machines:have',
      'states:have',
    ]);
  });
});

describe('without VMSS access (403 on the node resource group)', () => {
  it('replace: progress still comes from machine names, and the page says VMSS is unavailable', () => {
    const steps = follow({ behaviour: 'replace', pools: POOLS, vms: false });
    const counts = steps.map((s) => pool(s, 'apps').updated);
    expect(counts.filter((c) => c !== null && c > 0 && c < 8).length).toBeGreaterThan(0);
    expect(counts.at(-1)).toBe(8);
    expect(pool(steps[6]!, 'apps')).toMatchObject({ signal: 'machines', behaviour: 'replace' });
    expect(steps.at(-1)!.signals.find((s) => s.key === 'vmss')).toMatchObject({
      state: 'lack',
      detail: expect.stringContaining('no read access to the node resource group'),
    });
  });

  it('reimage: per-node progress is unknown, never done before the end, and it says so', () => {
    const steps = follow({ behaviour: 'reimage', pools: POOLS, vms: false });
    for (const step of steps.slice(0, -2)) {
      expect(pool(step, 'apps').updated).toBeNull();
      expect(step.updated).toBeNull();
      expect(pool(step, 'apps').stage).not.toBe('done');
    }
    expect(pool(steps[0]!, 'apps').stage).toBe('unknown');
    expect(stageStates(steps[0]!)).toBe('accepted:complete preparing:unknown nodes:unknown end:to-come');
    expect(pool(steps[3]!, 'apps').stage).toBe('updating'); // surge machines appeared
    expect(pool(steps[3]!, 'apps').signalNote).toMatch(/per-node progress is unknown/);
    expect(steps.at(-1)).toMatchObject({ phase: 'succeeded', updated: 11 });
  });
});

describe('a failed rollout', () => {
  const steps = follow({ behaviour: 'replace', pools: POOLS, failAfterBatches: 1 });
  const last = steps.at(-1)!;

  it('never shows later stages as done, and keeps the counts the signals showed', () => {
    expect(last.phase).toBe('failed');
    expect(stageStates(last)).toBe('accepted:complete preparing:complete nodes:failed end:failed');
    expect(last.terminal).toMatchObject({ outcome: 'failed', error: { code: 'UpgradeFailed' } });
    expect(pool(last, 'system').stage).toBe('failed');
    expect(pool(last, 'apps').stage).toBe('stopped');
    expect(pool(last, 'apps').updated).toBeLessThan(8);
  });

  it('before any node moved: the preparing stage failed, nodes not reached', () => {
    const early = follow({ behaviour: 'replace', pools: POOLS, failAfterBatches: 0 }).at(-1)!;
    expect(early.stages.find((s) => s.key === 'nodes')!.state).not.toBe('complete');
  });
});

describe('a canceled rollout', () => {
  const steps = follow({ behaviour: 'reimage', pools: POOLS, cancelAfterBatches: 1 });

  it('shows Canceling, then Canceled', () => {
    const canceling = steps.at(-2)!;
    expect(canceling.phase).toBe('canceling');
    expect(canceling.stages.find((s) => s.key === 'end')).toMatchObject({ state: 'canceling', label: 'Canceling' });
    const canceled = steps.at(-1)!;
    expect(canceled.phase).toBe('canceled');
    expect(stageStates(canceled)).toBe('accepted:complete preparing:complete nodes:canceled end:canceled');
    expect(pool(canceled, 'apps').stage).toBe('canceled');
  });
});

describe('without the handle (a colleague, another browser, a later link)', () => {
  it('tracks from cluster state, takes "before" from what it saw first and says what it lacks', () => {
    const steps = follow({ behaviour: 'replace', pools: POOLS, operation: false }, false);
    expect(steps[0]!.statusText).toBeNull();
    const signals = steps[0]!.signals;
    expect(signals.find((s) => s.key === 'operation')).toMatchObject({
      state: 'lack',
      detail: expect.stringContaining('does not hold it'),
    });
    expect(signals.find((s) => s.key === 'machines-before')).toMatchObject({ state: 'lack' });
    expect(steps.at(-1)).toMatchObject({ phase: 'succeeded' });
    expect(stageStates(steps.at(-1)!)).toBe('accepted:complete preparing:complete nodes:complete end:complete');
  });

  it('reports a cluster with nothing running as idle, with no stage at all', () => {
    const [first] = simulate({ behaviour: 'replace', pools: POOLS, operation: false });
    const idle = {
      ...first!,
      cluster: { ...first!.cluster, provisioningState: 'Succeeded' },
      pools: first!.pools.map((p) => ({ ...p, provisioningState: 'Succeeded' })),
      end: { outcome: 'succeeded' as const, source: 'cluster' as const },
      next: null,
    };
    const progress = rolloutProgress(trackSnapshot(startTracking(null, null, 'no-link'), idle), Date.parse(idle.at));
    expect(progress.phase).toBe('idle');
    expect(progress.stages).toEqual([]);
    expect(progress.pools.find((p) => p.name === 'apps')!.stage).toBe('unchanged');
  });
});
