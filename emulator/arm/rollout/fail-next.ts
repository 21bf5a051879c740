/**
 * `POST /_emulator/rollouts/fail-next` (CONTROL.md): one armed failure, taken by the next update that rolls nodes
 * (a CA change or a reconciliation); an update that rolls nothing leaves it armed. One-shot.
 */
import type { RolloutFailure } from '../state/types';

export class FailNextRollout {
  private armed: RolloutFailure | undefined;

  /** Arms `failure`, replacing one already armed. */
  arm(failure: RolloutFailure): RolloutFailure {
    this.armed = { afterBatches: failure.afterBatches, error: { ...failure.error } };
    return this.pending()!;
  }

  /** The armed failure (a copy), or null. */
  pending(): RolloutFailure | null {
    return this.armed ? { afterBatches: this.armed.afterBatches, error: { ...this.armed.error } } : null;
  }

  clear(): void {
    this.armed = undefined;
  }

  /** For an update that rolls nodes: the armed failure, disarmed. */
  take(): RolloutFailure | undefined {
    const failure = this.armed;
    this.armed = undefined;
    return failure;
  }
}
