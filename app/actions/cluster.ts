'use server';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { applyCaBundleWrite, getClusterSummary } from '@/lib/azure/cluster';
import type { ClusterSummary } from '@/lib/azure/models';
import { clusterRefSchema } from '@/lib/azure/resource-names';
import { ActionFailure, runArmAction } from '@/lib/azure/run-action';
import { validatePayload } from '@/lib/clusters/validate-payload';
import { MAX_AKS_CERTIFICATES } from '@/lib/pki';
import { encodeRolloutHandle, type RolloutHandle } from '@/lib/rollout/handle';

/** A canonical PEM certificate is about 1-3 KB; this leaves room for large extensions, not for a file dump. */
const MAX_PEM_CHARACTERS = 16_384;

const applyArgumentsSchema = z.object({
  cluster: clusterRefSchema,
  eTag: z.string().max(256, 'The eTag is too long.').nullable(),
  certificates: z
    .array(z.string().min(1, 'A certificate is empty.').max(MAX_PEM_CHARACTERS, `A certificate is longer than ${MAX_PEM_CHARACTERS} characters.`))
    .max(MAX_AKS_CERTIFICATES, `AKS accepts at most ${MAX_AKS_CERTIFICATES} certificates.`),
});

export type ApplyArguments = z.input<typeof applyArgumentsSchema>;

export interface ApplyAccepted {
  handle: RolloutHandle;
  /** The `h` query parameter of the rollout view. */
  encodedHandle: string;
}

export async function getCluster(token: string, cluster: z.input<typeof clusterRefSchema>): Promise<ActionResult<ClusterSummary>> {
  return runArmAction(token, clusterRefSchema, cluster, (clients, ref) => getClusterSummary(clients, ref));
}

/**
 * Re-checks every proposed certificate with lib/pki, then GET → replace the CA list → PUT with ifMatch.
 * Returns once ARM accepted the operation.
 */
export async function applyCaBundle(token: string, args: ApplyArguments): Promise<ActionResult<ApplyAccepted>> {
  return runArmAction(token, applyArgumentsSchema, args, async (clients, input) => {
    const check = await validatePayload(input.certificates, new Date());
    if (!check.ok) throw new ActionFailure({ code: 'CertificatesRefused', message: check.message });
    const handle = await applyCaBundleWrite(clients, { cluster: input.cluster, eTag: input.eTag, certificates: check.certificates });
    return { handle, encodedHandle: encodeRolloutHandle(handle) };
  });
}
