'use server';
/**
 * The fleet runner's server side (issue 12): the page's FleetRunDeps call these (components/fleet/run/action-deps.ts).
 * Thin: zod-validated arguments, lib/azure/fleet-run.ts does the work, ActionResult out, one log line each.
 */
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import {
  applyFleetCluster as applyPlanned,
  fleetRolloutStatus as readRolloutStatus,
  FleetRefusal,
  readFleetCluster as readCluster,
} from '@/lib/azure/fleet-run';
import { clusterRefSchema } from '@/lib/azure/resource-names';
import { ActionFailure, runArmAction } from '@/lib/azure/run-action';
import { MAX_PEM_CHARACTERS } from '@/lib/clusters/apply-arguments';
import { validateCaBundle } from '@/lib/clusters/validate-ca-bundle';
import { getConfig } from '@/lib/config';
import type { FleetClusterReading, FleetRolloutStatus } from '@/lib/fleet/runner/types';
import { logAction } from '@/lib/log/action-log';
import { MAX_AKS_CERTIFICATES } from '@/lib/pki';
import type { RolloutHandle } from '@/lib/rollout/handle';

const sha256List = z
  .array(z.string().regex(/^[0-9a-f]{64}$/, 'A fingerprint is not a lower-case SHA-256.'))
  .max(100, 'Too many fingerprints.');

const applySchema = z.object({
  cluster: clusterRefSchema,
  before: sha256List,
  after: sha256List.max(MAX_AKS_CERTIFICATES, `AKS accepts at most ${MAX_AKS_CERTIFICATES} certificates.`),
  certificates: z
    .array(z.string().min(1, 'A certificate is empty.').max(MAX_PEM_CHARACTERS, 'A certificate is too long.'))
    .max(MAX_AKS_CERTIFICATES, `AKS accepts at most ${MAX_AKS_CERTIFICATES} certificates.`),
});

const statusSchema = z.object({
  cluster: clusterRefSchema,
  operationUrl: z.string().max(8192, 'The operation URL is longer than 8192 characters.').nullable(),
});

const passOn = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FleetRefusal) throw new ActionFailure(error.error);
    throw error;
  }
};

/** The cluster's caBundle as SHA-256s (lib/pki, on the server), its provisioningState and powerState. */
export async function readFleetCluster(
  token: string,
  cluster: z.input<typeof clusterRefSchema>,
): Promise<ActionResult<FleetClusterReading>> {
  return logAction('readFleetCluster', () =>
    runArmAction(token, clusterRefSchema, cluster, (clients, ref) => readCluster(clients, ref)),
  );
}

/**
 * One planned cluster: the planned PEMs re-read with lib/pki, a fresh read compared with the plan's `before`
 * (error code FleetConflict when it differs: nothing written), then writeCaBundle's checked PUT. Returns once ARM
 * accepted the operation, with the private rollout handle (it holds the signed operation URL).
 */
export async function applyFleetCluster(
  token: string,
  args: z.input<typeof applySchema>,
): Promise<ActionResult<{ handle: RolloutHandle }>> {
  return logAction('applyFleetCluster', () =>
    runArmAction(token, applySchema, args, async (clients, input) => {
      const check = await validateCaBundle(input.certificates, new Date());
      if (!check.ok) throw new ActionFailure({ code: 'CertificatesRefused', message: check.message });
      const handle = await passOn(() =>
        applyPlanned(clients, {
          cluster: input.cluster,
          before: input.before,
          after: input.after,
          certificates: check.certificates,
        }),
      );
      return { handle };
    }),
  );
}

/** The rollout's phase: the operation status (URL checked to be on the ARM endpoint) and the cluster's state. */
export async function fleetRolloutStatus(
  token: string,
  args: z.input<typeof statusSchema>,
): Promise<ActionResult<FleetRolloutStatus>> {
  return logAction('fleetRolloutStatus', () =>
    runArmAction(token, statusSchema, args, (clients, input) =>
      passOn(() => readRolloutStatus(clients, input.cluster, input.operationUrl, getConfig().armEndpoint)),
    ),
  );
}
