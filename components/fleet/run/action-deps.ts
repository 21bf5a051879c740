'use client';
/**
 * The fleet page's FleetRunDeps: the runner (lib/fleet/runner) over the server actions in app/actions/fleet.ts, with
 * a token per cluster's tenant. The signed operation URL that apply returns stays in this browser (in the runner's
 * memory; the rollout page keeps the handle like a single apply does). No UI.
 */
import { applyFleetCluster, fleetRolloutStatus, readFleetCluster } from '@/app/actions/fleet';
import type { ActionError, ActionResult } from '@/lib/action-result';
import { abortableSleep } from '@/lib/fleet/runner/control';
import { FleetConflict, FLEET_CONFLICT_CODE } from '@/lib/fleet/runner/conflict';
import type { FleetRunDeps } from '@/lib/fleet/runner/types';
import type { FleetClusterRef } from '@/lib/fleet/types';
import type { RolloutHandle } from '@/lib/rollout/handle';

/** An action's refusal as the runner sees it: a failed apply or read with ARM's code and words. */
export class FleetActionError extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = 'FleetActionError';
  }
}

const refOf = ({ subscriptionId, resourceGroup, name }: FleetClusterRef) => ({ subscriptionId, resourceGroup, name });

function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new FleetActionError(result.error);
  return result.data;
}

export function fleetActionDeps(
  getArmToken: (tenantId?: string) => Promise<string>,
  /** Each accepted apply's private rollout handle (the page may keep it as a single apply does). */
  onApplied?: (clusterId: string, handle: RolloutHandle) => void,
): FleetRunDeps {
  const read = async (ref: FleetClusterRef) =>
    unwrap(await readFleetCluster(await getArmToken(ref.tenantId), refOf(ref)));
  return {
    readCluster: read,
    async apply(cluster, pems) {
      const token = await getArmToken(cluster.ref.tenantId);
      const result = await applyFleetCluster(token, {
        cluster: refOf(cluster.ref),
        before: cluster.before,
        after: cluster.after,
        certificates: pems,
      });
      if (!result.ok && result.error.code === FLEET_CONFLICT_CODE) {
        // What the cluster holds now tells the runner "applied elsewhere" from a real conflict: one more read.
        const now = await read(cluster.ref);
        throw new FleetConflict(result.error.message, now.caBundleSha256, now.provisioningState);
      }
      const { handle } = unwrap(result);
      onApplied?.(cluster.ref.id, handle);
      return { operationUrl: handle.operationUrl };
    },
    async rolloutStatus(cluster, operationUrl) {
      const token = await getArmToken(cluster.ref.tenantId);
      return unwrap(
        await fleetRolloutStatus(token, { cluster: refOf(cluster.ref), operationUrl: operationUrl ?? null }),
      );
    },
    sleep: abortableSleep,
    now: () => new Date(),
  };
}
