/**
 * A fake ARM for the runner tests: clusters with a bundle (sha256s) and a provisioningState, CA rollouts that end
 * after a set virtual duration, and a virtual clock that only moves when every promise is idle. Deterministic: no
 * real time passes.
 */
import { FleetConflict } from '../conflict';
import { sameBundle } from '../bundle-match';
import type { FleetPlan, PlannedCluster } from '../../plan/types';
import type { FleetClusterRef } from '../../types';
import type { FleetRunDeps } from '../types';

export const sha = (letter: string) => letter.repeat(64);
export const pemOf = (sha256: string) =>
  `-----BEGIN CERTIFICATE-----\n${sha256.slice(0, 8)}\n-----END CERTIFICATE-----`;
const shaOfPem = (pem: string) => pem.split('\n')[1]!.slice(0, 1).repeat(64);

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export class VirtualClock {
  nowMs = 0;
  private timers: Timer[] = [];
  private seq = 0;
  readonly base = Date.parse('2026-12-02T00:00:00Z');

  now = () => new Date(this.base + this.nowMs);

  sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new Error('aborted'));
      const timer: Timer = { at: this.nowMs + ms, seq: this.seq++, resolve };
      this.timers.push(timer);
      signal.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((other) => other !== timer);
          reject(new Error('aborted'));
        },
        { once: true },
      );
    });

  /** Runs `work` to its end, moving the clock to the next timer whenever everything else waits. */
  async drive<T>(work: Promise<T>, onIdle?: () => boolean): Promise<T> {
    let done = false;
    let result: T | undefined;
    let failure: unknown;
    work.then(
      (value) => ((done = true), (result = value)),
      (error: unknown) => ((done = true), (failure = error)),
    );
    for (let steps = 0; steps < 100_000; steps++) {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
      if (this.timers.length === 0) {
        if (onIdle?.()) continue;
        throw new Error('deadlock: the run waits on nothing the clock can move');
      }
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.nowMs = Math.max(this.nowMs, next.at);
      next.resolve();
    }
    if (!done) throw new Error('the run did not end');
    if (failure) throw failure;
    return result as T;
  }
}

interface FakeCluster {
  bundle: string[];
  provisioningState: string;
  powerState: string;
  rollout: { start: number; end: number; fail: boolean } | null;
}

export class FakeArm {
  readonly clusters = new Map<string, FakeCluster>();
  readonly puts: string[] = [];
  readonly rollouts: { id: string; start: number; end: number }[] = [];
  readonly events: string[] = [];
  rolloutMs = 60_000;
  failNext = new Set<string>();
  statusErrors = new Map<string, number>();
  applyErrors = new Map<string, string>();

  constructor(private readonly clock: VirtualClock) {}

  add(id: string, bundle: string[], provisioningState = 'Succeeded') {
    this.clusters.set(id, { bundle, provisioningState, powerState: 'Running', rollout: null });
  }

  private tick(cluster: FakeCluster) {
    if (cluster.rollout && this.clock.nowMs >= cluster.rollout.end) {
      cluster.provisioningState = cluster.rollout.fail ? 'Failed' : 'Succeeded';
      cluster.rollout = null;
    }
  }

  private get(id: string): FakeCluster {
    const cluster = this.clusters.get(id);
    if (!cluster) throw new Error(`ResourceNotFound: ${id}`);
    this.tick(cluster);
    return cluster;
  }

  /** Changes a cluster's bundle "elsewhere" (another user, Terraform). */
  changeElsewhere(id: string, bundle: string[]) {
    this.get(id).bundle = bundle;
  }

  maxOverlap(): number {
    const points = this.rollouts.flatMap((r) => [
      { at: r.start, delta: 1 },
      { at: r.end, delta: -1 },
    ]);
    points.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let now = 0;
    let max = 0;
    for (const point of points) max = Math.max(max, (now += point.delta));
    return max;
  }

  deps(): FleetRunDeps {
    return {
      readCluster: async (ref: FleetClusterRef) => {
        const cluster = this.get(ref.id);
        return {
          caBundleSha256: [...cluster.bundle],
          provisioningState: cluster.provisioningState,
          powerState: cluster.powerState,
        };
      },
      apply: async (planned: PlannedCluster, pems: string[]) => {
        const cluster = this.get(planned.ref.id);
        if (!sameBundle(cluster.bundle, planned.before))
          throw new FleetConflict('changed since the plan', [...cluster.bundle], cluster.provisioningState);
        const error = this.applyErrors.get(planned.ref.id);
        if (error) throw new Error(error);
        this.puts.push(planned.ref.id);
        this.events.push(`put ${planned.ref.name} @${this.clock.nowMs}`);
        cluster.bundle = pems.map(shaOfPem);
        cluster.provisioningState = 'Updating';
        const start = this.clock.nowMs;
        const end = start + this.rolloutMs;
        cluster.rollout = { start, end, fail: this.failNext.delete(planned.ref.id) };
        this.rollouts.push({ id: planned.ref.id, start, end });
        return { operationUrl: `https://arm.test/operations/${planned.ref.name}` };
      },
      rolloutStatus: async (planned: PlannedCluster) => {
        const left = this.statusErrors.get(planned.ref.id) ?? 0;
        if (left > 0) {
          this.statusErrors.set(planned.ref.id, left - 1);
          throw new Error('ServiceUnavailable');
        }
        const cluster = this.get(planned.ref.id);
        const state = cluster.provisioningState.toLowerCase();
        if (state === 'succeeded') return { phase: 'succeeded', progress: { done: 3, total: 3 } };
        if (state === 'failed') return { phase: 'failed', progress: null, message: 'The rollout failed (injected).' };
        const r = cluster.rollout;
        const done = r ? Math.floor(((this.clock.nowMs - r.start) / (r.end - r.start)) * 3) : 0;
        return { phase: 'running', progress: { done, total: 3 } };
      },
      sleep: this.clock.sleep,
      now: this.clock.now,
    };
  }
}

const OLD = sha('a');
const NEW = sha('b');
const KEEP = sha('c');

export const BUNDLES = { OLD, NEW, KEEP, before: [KEEP, OLD], after: [KEEP, NEW] };

export function plannedCluster(
  name: string,
  subscription = 'sub1',
  block: PlannedCluster['block'] = null,
): PlannedCluster {
  const subscriptionId = `0000000${subscription.slice(-1)}-0000-0000-0000-000000000000`;
  return {
    ref: {
      id: `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}`,
      name,
      resourceGroup: 'rg',
      subscriptionId,
      subscriptionName: subscription,
      tenantId: 'tenant-a',
      tenantName: 'A',
    },
    before: BUNDLES.before,
    after: BUNDLES.after,
    added: [NEW],
    removed: [OLD],
    findings: [],
    machinesReplaced: 3,
    pools: [{ name: 'nodepool1', count: 3, replaced: true }],
    block,
  };
}

/** A replace-OLD-by-NEW plan over the named clusters, and a fake ARM where each holds `before`. */
export function fixture(names: string[], blocked: string[] = []) {
  const clock = new VirtualClock();
  const arm = new FakeArm(clock);
  const clusters = names.map((name) =>
    plannedCluster(
      name,
      'sub1',
      blocked.includes(name) ? { reason: 'cluster-stopped', message: 'The cluster is stopped.' } : null,
    ),
  );
  for (const cluster of clusters) arm.add(cluster.ref.id, [...BUNDLES.before]);
  const plan: FleetPlan = {
    v: 1,
    createdAt: clock.now().toISOString(),
    change: { kind: 'replace', from: OLD, to: pemOf(NEW) },
    target: { trusts: OLD },
    certificates: { [OLD]: pemOf(OLD), [NEW]: pemOf(NEW), [KEEP]: pemOf(KEEP) },
    clusters,
    totals: {
      clusters: clusters.length,
      toApply: clusters.length - blocked.length,
      blocked: blocked.length,
      machinesReplaced: 3 * (clusters.length - blocked.length),
      blockedBy: blocked.length ? { 'cluster-stopped': blocked.length } : {},
    },
  };
  const idOf = (name: string) => clusters.find((cluster) => cluster.ref.name === name)!.ref.id;
  return { clock, arm, plan, idOf };
}
