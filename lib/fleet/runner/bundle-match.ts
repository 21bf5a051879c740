/** How a cluster's caBundle (sha256s) stands against a planned cluster's before/after. Pure. */
import type { PlannedCluster } from '../plan/types';

/** Same certificates, order aside (ARM keeps the order it was given; a reorder changes no trust). */
export function sameBundle(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = a.map((sha) => sha.toLowerCase()).sort();
  const right = b.map((sha) => sha.toLowerCase()).sort();
  return left.every((sha, index) => sha === right[index]);
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

/** provisioningStates of an operation still going (the CA rollout or another write). */
const RUNNING_STATES = new Set([
  'updating',
  'upgrading',
  'creating',
  'scaling',
  'canceling',
  'starting',
  'stopping',
  'migrating',
]);

export function isOperationRunning(provisioningState: string): boolean {
  return RUNNING_STATES.has(provisioningState.toLowerCase());
}

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
