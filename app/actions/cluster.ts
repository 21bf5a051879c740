'use server';
import { logAction } from '@/lib/log/action-log';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { applyCaBundleWrite, getClusterAccess, getClusterSummary } from '@/lib/azure/cluster';
import type { ClusterAccess } from '@/lib/azure/cluster-permissions';
import type { ClusterSummary } from '@/lib/azure/models';
import { clusterRefSchema } from '@/lib/azure/resource-names';
import { ActionFailure, runArmAction } from '@/lib/azure/run-action';
import { applyArgumentsSchema, type ApplyArguments } from '@/lib/clusters/apply-arguments';
import { validateCaBundle } from '@/lib/clusters/validate-ca-bundle';
import type { RolloutHandle } from '@/lib/rollout/handle';

export interface ApplyAccepted {
  /** The private handle (signed operation URL, machines before): the caller's browser keeps it (lib/rollout/handle-store.ts). */
  handle: RolloutHandle;
}

export async function getCluster(
  token: string,
  cluster: z.input<typeof clusterRefSchema>,
): Promise<ActionResult<ClusterSummary>> {
  return logAction('getCluster', () =>
    runArmAction(token, clusterRefSchema, cluster, (clients, ref) => getClusterSummary(clients, ref)),
  );
}

/** Whether the caller may write the cluster, from ARM's permissions API: the page asks before any edit. */
export async function getClusterPermissions(
  token: string,
  cluster: z.input<typeof clusterRefSchema>,
): Promise<ActionResult<ClusterAccess>> {
  return logAction('getClusterPermissions', () =>
    runArmAction(token, clusterRefSchema, cluster, (clients, ref) => getClusterAccess(clients, ref)),
  );
}

/**
 * Re-checks every proposed certificate with lib/pki, then reads the machines, reads the cluster and compares it with
 * what the user reviewed, replaces the CA list and PUTs it (If-Match when ARM gave an eTag). Returns once ARM
 * accepted the operation.
 */
export async function applyCaBundle(token: string, args: ApplyArguments): Promise<ActionResult<ApplyAccepted>> {
  return logAction('applyCaBundle', () =>
    runArmAction(token, applyArgumentsSchema, args, async (clients, input) => {
      const check = await validateCaBundle(input.certificates, new Date());
      if (!check.ok) throw new ActionFailure({ code: 'CertificatesRefused', message: check.message });
      const handle = await applyCaBundleWrite(clients, {
        cluster: input.cluster,
        reviewed: input.reviewed,
        certificates: check.certificates,
      });
      return { handle };
    }),
  );
}
