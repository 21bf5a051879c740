/**
 * Writing a cluster's CA list the way az and Terraform do (azure-facts §2): GET the whole cluster, replace only
 * `securityProfile.customCATrustCertificates`, PUT it back with `ifMatch`. Returns as soon as ARM accepts the
 * operation, with what rollout tracking needs. Takes the SDK client as a parameter (no token, no config), so it
 * is tested against the emulator; callers are server-only.
 */
import type { ContainerServiceClient, ManagedCluster } from '@azure/arm-containerservice';
import { toAksPayload, type CertificateInfo } from '../pki';
import type { RolloutHandle } from '../rollout/handle';
import type { ClusterRef } from './resource-names';
import { clusterId } from './resource-names';

export interface CaBundleWrite {
  cluster: ClusterRef;
  /** The eTag the user saw; null when ARM did not send one (then the last writer wins, as with az). */
  eTag: string | null;
  /** Checked, de-duplicated certificates; empty removes every custom CA. */
  certificates: Pick<CertificateInfo, 'pem'>[];
}

/** The cluster as the SDK modelled it, with only the CA list replaced (one canonical PEM per entry, `[]` for none). */
export function withCaBundle(cluster: ManagedCluster, certificates: Pick<CertificateInfo, 'pem'>[]): ManagedCluster {
  return { ...cluster, securityProfile: { ...cluster.securityProfile, customCATrustCertificates: toAksPayload(certificates).bytes } };
}

/** Machine names per pool, read before the change: the nodes the rollout will replace. */
export async function machinesPerPool(client: ContainerServiceClient, { resourceGroup, name }: ClusterRef): Promise<Record<string, string[]>> {
  const pools: string[] = [];
  for await (const pool of client.agentPools.list(resourceGroup, name)) if (pool.name) pools.push(pool.name);
  const entries = await Promise.all(
    pools.map(async (pool) => {
      const machines: string[] = [];
      for await (const machine of client.machines.list(resourceGroup, name, pool)) if (machine.name) machines.push(machine.name);
      return [pool, machines] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export async function writeCaBundle(client: ContainerServiceClient, write: CaBundleWrite, now: () => Date = () => new Date()): Promise<RolloutHandle> {
  const { resourceGroup, name } = write.cluster;
  const current = await client.managedClusters.get(resourceGroup, name);
  const machinesBefore = await machinesPerPool(client, write.cluster);
  const poller = client.managedClusters.createOrUpdate(resourceGroup, name, withCaBundle(current, write.certificates), write.eTag ? { ifMatch: write.eTag } : {});
  // Only the initial PUT: the poller polls lazily, when awaited, which we never do (the rollout view tracks it).
  await poller.submitted();
  const serialized = JSON.parse(await poller.serialize()) as { state?: { config?: { operationLocation?: string } } };
  const operationUrl = serialized.state?.config?.operationLocation;
  return {
    v: 1,
    clusterId: clusterId(write.cluster),
    ...(operationUrl ? { operationUrl } : {}),
    startedAt: now().toISOString(),
    machinesBefore,
  };
}
