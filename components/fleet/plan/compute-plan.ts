'use client';
/**
 * A fleet plan from the fleet already loaded in the browser (issue 12): lib/fleet/plan computes it, with ARM's
 * permissions API asked for every targeted cluster first (getClusterPermissions), so "no write permission" is what
 * ARM says, not a guess.
 */
import { pemReader } from '@/lib/fleet/plan/certificates';
import { planFleetChange, toPlanCluster } from '@/lib/fleet/plan/plan';
import { defaultTarget } from '@/lib/fleet/plan/target';
import type { FleetChange, FleetPlan, FleetTarget } from '@/lib/fleet/plan/types';
import { mapAsCompleted } from '@/lib/async/map-as-completed';
import { getClusterPermissions } from '@/app/actions/cluster';
import type { FleetLoadState } from '../use-fleet-load';

type Access = 'write' | 'read' | 'unknown';
const PERMISSION_CHECKS_AT_ONCE = 6;

/** Every loaded cluster as the planner reads it (toPlanCluster, as `ca-trust fleet plan` does): where it lives and what ARM said of it. */
export function planInputs(load: FleetLoadState) {
  return load.tenants.flatMap(({ tenant, subscriptions }) =>
    subscriptions.flatMap((s) =>
      s.clusters.map((cluster) =>
        toPlanCluster(
          {
            id: cluster.id,
            name: cluster.name,
            resourceGroup: cluster.resourceGroup,
            subscriptionId: cluster.subscriptionId,
            subscriptionName: s.summary.displayName,
            tenantId: tenant.tenantId,
            tenantName: tenant.displayName,
          },
          cluster,
        ),
      ),
    ),
  );
}

export async function computePlan(
  load: FleetLoadState,
  change: FleetChange,
  target: FleetTarget,
  getArmToken: (tenantId: string) => Promise<string>,
  onProgress?: (checked: number, total: number) => void,
): Promise<FleetPlan> {
  const clusters = planInputs(load);
  const now = new Date();
  // The same defaults and one decoding of each PEM for both passes, as `ca-trust fleet plan` does.
  const chosen = defaultTarget(change, target);
  const reader = pemReader(now);
  // First without permissions, to learn which clusters the target names; then ask ARM about those only.
  const draft = await planFleetChange({ clusters, change, target: chosen, now, reader });
  const access = new Map<string, Access>();
  let checked = 0;
  onProgress?.(0, draft.clusters.length);
  const asking = mapAsCompleted(draft.clusters, PERMISSION_CHECKS_AT_ONCE, async ({ ref }) => {
    let answer: Access = 'unknown';
    try {
      const result = await getClusterPermissions(await getArmToken(ref.tenantId), {
        subscriptionId: ref.subscriptionId,
        resourceGroup: ref.resourceGroup,
        name: ref.name,
      });
      if (result.ok) answer = result.data.canWrite ? 'write' : 'read';
    } catch {
      // unknown: ARM checks at write time
    }
    access.set(ref.id.toLowerCase(), answer);
  });
  for await (const settled of asking) {
    if (!settled.ok) access.set(settled.item.ref.id.toLowerCase(), 'unknown');
    onProgress?.(++checked, draft.clusters.length);
  }
  return planFleetChange({
    clusters,
    change,
    target: chosen,
    now,
    reader,
    access: (clusterId: string) => access.get(clusterId.toLowerCase()) ?? 'unknown',
  });
}
