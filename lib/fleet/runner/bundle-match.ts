/** How a cluster's caBundle (sha256s) stands against a planned cluster's before/after. Pure. */
import { isBusyState } from '../../rollout/provisioning-state';
import type { PlannedCluster } from '../plan/types';

/** Same certificates, order and repeats aside (a reorder or a duplicate changes no trust; the plan diffs sets too). */
export function sameBundle(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((sha) => sha.toLowerCase()));
  const right = new Set(b.map((sha) => sha.toLowerCase()));
  return left.size === right.size && [...left].every((sha) => right.has(sha));
}

export type BundleMatch = 'after' | 'before' | 'other';

export function matchBundle(
  cluster: Pick<PlannedCluster, 'before' | 'after'>,
  current: readonly string[],
): BundleMatch {
  if (sameBundle(current, cluster.after)) return 'after';
  if (sameBundle(current, cluster.before)) return 'before';
  return 'other';
}

/** An operation is running on the cluster (lib/rollout's one provisioning-state vocabulary). */
export const isOperationRunning = (provisioningState: string): boolean => isBusyState(provisioningState);

/** The text a conflict reports: how the cluster's bundle differs from what the plan expected. */
export function conflictMessage(cluster: Pick<PlannedCluster, 'before' | 'after'>, current: readonly string[]): string {
  const expected = new Set(cluster.before.map((sha) => sha.toLowerCase()));
  const now = new Set(current.map((sha) => sha.toLowerCase()));
  const added = [...now].filter((sha) => !expected.has(sha)).length;
  const removed = [...expected].filter((sha) => !now.has(sha)).length;
  return (
    `The cluster's CA bundle changed since the plan was made (${current.length} certificates now: ` +
    `${added} not in the plan's before, ${removed} of it gone) and is not the planned result either: ` +
    'left as it is. Make a new plan.'
  );
}
