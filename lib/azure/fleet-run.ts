/**
 * ARM access for the fleet runner (issue 12), shared by the page's server actions (app/actions/fleet.ts) and
 * `ca-trust fleet apply`: read a cluster's bundle as fingerprints, apply a planned bundle with the single apply's
 * checks (writeCaBundle: fresh read right before the PUT, ifMatch when ARM gives an eTag), and read a rollout's
 * status. Takes ArmClients (no token, no config), so the CLI uses it over its own credentials.
 */
import type { ActionError } from '../action-result';
import { caBundleSha256 } from '../clusters/reviewed-cluster';
import { sameBundle } from '../fleet/runner/bundle-match';
import { FLEET_CONFLICT_CODE } from '../fleet/runner/conflict';
import type { FleetClusterReading, FleetRolloutStatus } from '../fleet/runner/types';
import type { CertificateInfo } from '../pki';
import { isBusyState, operationOutcome, stateOutcome } from '../rollout/provisioning-state';
import { rollsOnCaChange } from '../rollout/pool-progress';
import type { RolloutHandle } from '../rollout/handle';
import type { ArmClients } from './clients';
import { writeCaBundle } from './ca-bundle-write';
import { CaBundleWriteRefused } from './ca-bundle-write-refusal';
import { toClusterSummary, type ClusterSummary } from './models';
import { checkOperationUrl } from './operation-url';
import type { ClusterRef } from './resource-names';
import { sdkRolloutReader } from './rollout-reader';

/** Thrown by the fleet functions with an ActionError the caller passes on (server action) or reports (CLI). */
export class FleetRefusal extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = 'FleetRefusal';
  }
}

async function readSummary(clients: ArmClients, ref: ClusterRef): Promise<ClusterSummary> {
  return toClusterSummary(
    await clients.containerService(ref.subscriptionId).managedClusters.get(ref.resourceGroup, ref.name),
  );
}

async function readingOf(summary: ClusterSummary): Promise<FleetClusterReading> {
  return {
    caBundleSha256: await caBundleSha256(summary.caBundle),
    provisioningState: summary.provisioningState,
    powerState: summary.powerState,
  };
}

export async function readFleetCluster(clients: ArmClients, ref: ClusterRef): Promise<FleetClusterReading> {
  return readingOf(await readSummary(clients, ref));
}

export interface FleetApply {
  cluster: ClusterRef;
  /** The plan's `before` and `after` (sha256). */
  before: string[];
  after: string[];
  /** The planned bundle, re-read by lib/pki (the caller checks each is one certificate without an error). */
  certificates: Pick<CertificateInfo, 'pem' | 'sha256'>[];
}

/**
 * Fresh read → compare with the plan's `before` (FleetConflict when it differs) → writeCaBundle, whose own read right
 * before the PUT is compared with that fresh read (its `reviewed`: the plan's `before`, the state just read).
 */
export async function applyFleetCluster(clients: ArmClients, apply: FleetApply): Promise<RolloutHandle> {
  const planned = apply.certificates.map((certificate) => certificate.sha256.toLowerCase());
  if (!sameBundle(planned, apply.after))
    throw new FleetRefusal({
      code: 'CertificatesRefused',
      message: "The certificates sent are not the plan's planned bundle. Nothing was sent to Azure.",
    });
  const summary = await readSummary(clients, apply.cluster);
  const reading = await readingOf(summary);
  if (!sameBundle(reading.caBundleSha256, apply.before))
    throw new FleetRefusal({
      code: FLEET_CONFLICT_CODE,
      status: 409,
      message: `${summary.name}'s CA bundle is not the one the plan was made from. Nothing was sent to Azure.`,
    });
  if (isBusyState(summary.provisioningState))
    throw new FleetRefusal({
      code: 'OperationRunning',
      status: 409,
      message: `${summary.name} is ${summary.provisioningState}: an operation is running. Nothing was sent to Azure.`,
    });
  try {
    return await writeCaBundle(clients.containerService(apply.cluster.subscriptionId), {
      cluster: apply.cluster,
      reviewed: {
        caFingerprints: [...new Set(apply.before.map((sha) => sha.toLowerCase()))].sort(),
        provisioningState: summary.provisioningState,
        powerState: summary.powerState,
        eTag: summary.eTag,
      },
      certificates: apply.certificates,
    });
  } catch (error) {
    if (error instanceof CaBundleWriteRefused) throw new FleetRefusal(error.refusal);
    throw error;
  }
}

/** The operation URL checked against the ARM endpoint and the cluster's subscription, before the token goes to it. */
export function checkedOperationUrl(raw: string, ref: ClusterRef, armEndpoint: string): string {
  const check = checkOperationUrl(raw, armEndpoint);
  if (!check.ok) throw new FleetRefusal({ code: 'ForgedOperationUrl', message: check.reason, target: 'operationUrl' });
  if (check.operation.subscriptionId !== ref.subscriptionId.toLowerCase())
    throw new FleetRefusal({
      code: 'ForgedOperationUrl',
      message: "The operation URL was refused: it is not in the cluster's subscription.",
      target: 'operationUrl',
    });
  return check.operation.url;
}

/**
 * The rollout's phase from the operation status (when this runner has its URL) and the cluster's provisioningState:
 * succeeded only when both ended well. Progress: the Linux VMSS pools that finished, of those the change rolls
 * (from the same cluster GET; nodes would cost a machine list per pool and poll).
 */
export async function fleetRolloutStatus(
  clients: ArmClients,
  ref: ClusterRef,
  operationUrl: string | null,
  armEndpoint: string,
): Promise<FleetRolloutStatus> {
  let operation: { outcome: ReturnType<typeof operationOutcome>; message?: string } | null = null;
  if (operationUrl) {
    const url = checkedOperationUrl(operationUrl, ref, armEndpoint);
    const read = await sdkRolloutReader(clients, ref, armEndpoint).readOperation(url);
    operation = {
      outcome: operationOutcome(read.status),
      ...(read.error ? { message: `${read.error.code}: ${read.error.message}` } : {}),
    };
  }
  const summary = await readSummary(clients, ref);
  const pools = summary.agentPools.filter(rollsOnCaChange);
  const progress = pools.length
    ? { done: pools.filter((pool) => !isBusyState(pool.provisioningState)).length, total: pools.length }
    : null;
  const clusterOutcome = stateOutcome(summary.provisioningState);
  const failed = (message: string): FleetRolloutStatus => ({ phase: 'failed', progress, message });
  if (operation?.outcome === 'failed' || operation?.outcome === 'canceled')
    return failed(operation.message ?? `The operation ended ${operation.outcome}.`);
  if (clusterOutcome === 'failed' || clusterOutcome === 'canceled')
    return failed(operation?.message ?? `The cluster is ${summary.provisioningState}.`);
  if ((operation === null || operation.outcome === 'succeeded') && clusterOutcome === 'succeeded')
    return { phase: 'succeeded', progress };
  return { phase: 'running', progress };
}
