/**
 * The waves of a fleet run: a canary wave first (the clusters the user chose, else the plan's first cluster to
 * apply), then waves of `waveSize` in the plan's order. Blocked clusters are in no wave. Pure.
 */
import type { FleetPlan, PlannedCluster } from '../plan/types';
import type { WavePlan } from './types';

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The plan's clusters that will be applied (block === null), in the plan's order. */
export function clustersToApply(plan: FleetPlan): PlannedCluster[] {
  return plan.clusters.filter((cluster) => cluster.block === null);
}

/** Each canary name or id → the one cluster to apply it names; a message when one names none or several. */
function resolveCanary(
  toApply: PlannedCluster[],
  blocked: PlannedCluster[],
  canary: string[],
): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids: string[] = [];
  for (const wanted of canary) {
    const key = wanted.trim();
    const byId = toApply.filter((cluster) => sameText(cluster.ref.id, key));
    const matches = byId.length > 0 ? byId : toApply.filter((cluster) => sameText(cluster.ref.name, key));
    if (matches.length === 0) {
      const isBlocked = blocked.some((cluster) => sameText(cluster.ref.id, key) || sameText(cluster.ref.name, key));
      return {
        ok: false,
        message: isBlocked
          ? `The canary ${key} is blocked in this plan: choose a cluster the plan applies.`
          : `The canary ${key} is not a cluster of this plan.`,
      };
    }
    if (matches.length > 1)
      return {
        ok: false,
        message: `The canary name ${key} matches ${matches.length} clusters of this plan: give its resource id.`,
      };
    const id = matches[0]!.ref.id;
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}

export function planWaves(plan: FleetPlan, options: { canary: string[]; waveSize: number }): WavePlan {
  if (!Number.isInteger(options.waveSize) || options.waveSize < 1)
    return { ok: false, message: 'The wave size must be a whole number of at least 1.' };
  const toApply = clustersToApply(plan);
  if (toApply.length === 0) return { ok: true, waves: [] };
  const resolved = resolveCanary(
    toApply,
    plan.clusters.filter((cluster) => cluster.block !== null),
    options.canary,
  );
  if (!resolved.ok) return resolved;
  const canary = resolved.ids.length > 0 ? resolved.ids : [toApply[0]!.ref.id];
  const rest = toApply.map((cluster) => cluster.ref.id).filter((id) => !canary.includes(id));
  const waves = [canary];
  for (let at = 0; at < rest.length; at += options.waveSize) waves.push(rest.slice(at, at + options.waveSize));
  return { ok: true, waves };
}
