/**
 * Drives running operations through `stepOperation` on timers (unref'd, cleared on close). Time comes from
 * an injectable clock; `runDue(now)` does the work so tests can step without timers.
 */
import type { Store } from '../state/store';
import { FailNextRollout } from './fail-next';
import { stepOperation } from './step';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class RolloutSimulator {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The control API's injected failure for the next update that rolls nodes. */
  readonly failNext = new FailNextRollout();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    public msPerBatch: number,
    private readonly useTimers = true,
  ) {}

  /** After a load or reset: running operations continue from now, without catching up on missed time. */
  resume(): void {
    const now = this.clock.now();
    for (const op of this.store.runningOperations()) {
      const interval = this.msPerBatch * (op.paceFactor ?? 1);
      if (op.nextStepAt < now || op.nextStepAt > now + interval) this.store.reschedule(op, now + interval);
    }
    this.schedule();
  }

  setSpeed(msPerBatch: number): void {
    this.msPerBatch = msPerBatch;
    const now = this.clock.now();
    for (const op of this.store.runningOperations())
      this.store.reschedule(op, Math.min(op.nextStepAt, now + msPerBatch * (op.paceFactor ?? 1)));
    this.schedule();
  }

  /** Steps, once, every operation that is due at `now`; returns the number of steps taken. */
  runDue(now = this.clock.now()): number {
    let steps = 0;
    for (const op of this.store.runningOperations()) {
      if (op.nextStepAt > now) continue;
      this.store.stepOperation(op, (record, cluster, lookup) =>
        stepOperation(record, cluster, now, this.msPerBatch, lookup),
      );
      steps += 1;
    }
    return steps;
  }

  /** Advances a fake clock's world by `ms`, stepping each due operation as often as that allows. */
  advanceBy(from: number, ms: number): number {
    let steps = 0;
    const end = from + ms;
    for (let t = from; ;) {
      const due = this.store.runningOperations().map((o) => o.nextStepAt);
      const next = due.length ? Math.min(...due) : Infinity;
      if (next > end) break;
      t = Math.max(t, next);
      const taken = this.runDue(t);
      if (taken === 0) break;
      steps += taken;
    }
    return steps;
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || !this.useTimers) return;
    const due = this.store.runningOperations().map((o) => o.nextStepAt);
    if (due.length === 0) return;
    const delay = Math.max(0, Math.min(...due) - this.clock.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.runDue();
      } catch (error) {
        console.error(`[arm] rollout simulator: ${error instanceof Error ? error.message : error}`);
      }
      this.schedule();
    }, delay);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
