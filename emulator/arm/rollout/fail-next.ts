/**
 * `POST /_emulator/rollouts/fail-next` (CONTROL.md): one armed failure, taken by the next update that rolls nodes
 * (a CA change or a reconciliation) — of the named cluster only, when the failure names one; an update that rolls
 * nothing (or another cluster's) leaves it armed. One-shot.
 */
import type { RolloutFailure } from '../state/types';

/** Which cluster's rollout takes the failure: a name (any subscription and group) or a full address. */
export interface FailNextCluster {
  subscriptionId?: string;
  resourceGroup?: string;
  name: string;
}

export type ArmedFailure = RolloutFailure & { cluster?: FailNextCluster };

type Address = { subscriptionId: string; resourceGroup: string; name: string };

const same = (wanted: string | undefined, actual: string) =>
  wanted === undefined || wanted.toLowerCase() === actual.toLowerCase();

const matches = (filter: FailNextCluster | undefined, cluster: Address) =>
  !filter ||
  (same(filter.subscriptionId, cluster.subscriptionId) &&
    same(filter.resourceGroup, cluster.resourceGroup) &&
    same(filter.name, cluster.name));

export class FailNextRollout {
  private armed: ArmedFailure | undefined;

  /** Arms `failure`, replacing one already armed. */
  arm(failure: ArmedFailure): ArmedFailure {
    this.armed = {
      afterBatches: failure.afterBatches,
      error: { ...failure.error },
      ...(failure.cluster ? { cluster: { ...failure.cluster } } : {}),
    };
    return this.pending()!;
  }

  /** The armed failure (a copy), or null. */
  pending(): ArmedFailure | null {
    return this.armed
      ? {
          afterBatches: this.armed.afterBatches,
          error: { ...this.armed.error },
          ...(this.armed.cluster ? { cluster: { ...this.armed.cluster } } : {}),
        }
      : null;
  }

  clear(): void {
    this.armed = undefined;
  }

  /** For an update of `cluster` that rolls nodes: the armed failure, disarmed, when it is for that cluster. */
  take(cluster: Address): RolloutFailure | undefined {
    const failure = this.armed;
    if (!failure || !matches(failure.cluster, cluster)) return undefined;
    this.armed = undefined;
    return { afterBatches: failure.afterBatches, error: failure.error };
  }
}
