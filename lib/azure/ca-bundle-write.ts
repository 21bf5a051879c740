/**
 * Writing a cluster's CA list the way az and Terraform do (azure-facts §2, §13): read the machines first (for
 * rollout tracking, best-effort), the cluster last, right before the PUT; compare it with what the user reviewed;
 * replace only `securityProfile.customCATrustCertificates`; PUT it back (with `ifMatch` when ARM gave an eTag).
 * Returns as soon as ARM accepts the operation. Takes the SDK client as a parameter (no token, no config), so it is
 * tested against the emulator; callers are server-only.
 */
import 'server-only';
import type { ContainerServiceClient, ManagedCluster } from '@azure/arm-containerservice';
import { toAksPayload, type CertificateInfo } from '../pki';
import { changeSinceReview, type ReviewedCluster } from '../clusters/reviewed-cluster';
import type { RolloutHandle } from '../rollout/handle';
import {
  changedSinceReview,
  clusterStopped,
  isManualScaleRefusal,
  windowsPoolsRefusal,
} from './ca-bundle-write-refusal';
import { toClusterSummary } from './models';
import type { ClusterRef } from './resource-names';
import { clusterId } from './resource-names';

export interface CaBundleWrite {
  cluster: ClusterRef;
  /** The cluster as the user reviewed it: its CA fingerprints, state and eTag (null when ARM sent none). */
  reviewed: ReviewedCluster;
  /** Checked, de-duplicated certificates; empty removes every custom CA. */
  certificates: Pick<CertificateInfo, 'pem'>[];
}

/** The cluster as the SDK modelled it, with only the CA list replaced (one canonical PEM per entry, `[]` for none). */
export function withCaBundle(cluster: ManagedCluster, certificates: Pick<CertificateInfo, 'pem'>[]): ManagedCluster {
  return {
    ...cluster,
    securityProfile: { ...cluster.securityProfile, customCATrustCertificates: toAksPayload(certificates).bytes },
  };
}

async function machineNames(
  client: ContainerServiceClient,
  { resourceGroup, name }: ClusterRef,
  pool: string,
): Promise<string[]> {
  const machines: string[] = [];
  for await (const machine of client.machines.list(resourceGroup, name, pool))
    if (machine.name) machines.push(machine.name);
  return machines;
}

/**
 * Machine names per pool, read before the change: the nodes the rollout will replace. Best-effort: a pool whose
 * machines cannot be read is left out (the rollout view then says it lacks that signal); it never blocks the apply.
 */
export async function machinesPerPool(
  client: ContainerServiceClient,
  ref: ClusterRef,
): Promise<Record<string, string[]>> {
  const pools: string[] = [];
  try {
    for await (const pool of client.agentPools.list(ref.resourceGroup, ref.name)) if (pool.name) pools.push(pool.name);
  } catch {
    return {};
  }
  const entries = await Promise.all(
    pools.map((pool) =>
      machineNames(client, ref, pool).then(
        (machines) => [pool, machines] as const,
        () => null,
      ),
    ),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== null));
}

/** One read of the cluster and one PUT; throws CaBundleWriteRefused when the cluster is not what was reviewed. */
async function putOnce(client: ContainerServiceClient, write: CaBundleWrite): Promise<string | undefined> {
  const { resourceGroup, name } = write.cluster;
  const current = await client.managedClusters.get(resourceGroup, name);
  const summary = toClusterSummary(current);
  const change = await changeSinceReview(write.reviewed, summary);
  if (change) throw changedSinceReview(change);
  if (summary.powerState?.toLowerCase() === 'stopped') throw clusterStopped(summary.name);
  // The eTag the user saw, else one ARM gives now: either way ARM refuses the PUT (412) if the cluster moved on.
  const eTag = write.reviewed.eTag ?? summary.eTag;
  try {
    const poller = client.managedClusters.createOrUpdate(
      resourceGroup,
      name,
      withCaBundle(current, write.certificates),
      eTag ? { ifMatch: eTag } : {},
    );
    // Only the initial PUT: the poller polls lazily, when awaited, which we never do (the rollout view tracks it).
    await poller.submitted();
    const serialized = JSON.parse(await poller.serialize()) as { state?: { config?: { operationLocation?: string } } };
    return serialized.state?.config?.operationLocation;
  } catch (error) {
    throw windowsPoolsRefusal(error, summary) ?? error;
  }
}

export async function writeCaBundle(
  client: ContainerServiceClient,
  write: CaBundleWrite,
  now: () => Date = () => new Date(),
): Promise<RolloutHandle> {
  const machinesBefore = await machinesPerPool(client, write.cluster);
  let operationUrl: string | undefined;
  try {
    operationUrl = await putOnce(client, write);
  } catch (error) {
    // The cluster autoscaler changed a pool's count between our read and the PUT: read again and retry, once.
    if (!isManualScaleRefusal(error)) throw error;
    operationUrl = await putOnce(client, write);
  }
  return {
    v: 1,
    clusterId: clusterId(write.cluster),
    ...(operationUrl ? { operationUrl } : {}),
    startedAt: now().toISOString(),
    machinesBefore,
  };
}
