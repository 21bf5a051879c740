/** The fleet CA index: every distinct CA across the loaded clusters, by SHA-256 of DER, with who trusts it. Pure. */
import { daysLeft } from '../pki/days-left';
import { validityStatus } from '../pki/validity-status';
import { normalizeHex } from './search';
import type { FleetCa, FleetCertificate, FleetCluster, FleetClusterRef } from './types';

export function keyDescription(key: FleetCertificate['publicKey']): string {
  if (key.curve) return `${key.algorithm} ${key.curve}`;
  return key.size ? `${key.algorithm} ${key.size} bits` : key.algorithm;
}

/** Whole days until notAfter: the product's one rule (lib/pki/days-left.ts). */
export { daysLeft };

/** Where a cluster lives, without what else the object carries (its certificates, bundle, state). */
export function clusterRef(cluster: FleetClusterRef): FleetClusterRef {
  const { id, name, resourceGroup, subscriptionId, subscriptionName, tenantId, tenantName } = cluster;
  return { id, name, resourceGroup, subscriptionId, subscriptionName, tenantId, tenantName };
}

/** A cluster as ARM lists it (lib/azure's ClusterSummary has these), with where it lives and its decoded CAs. */
export interface FleetClusterInput {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location?: string;
  kubernetesVersion?: string;
  provisioningState?: string;
}

/** The one way a loaded cluster becomes a FleetCluster: the web pages and `ca-trust fleet` both build it here. */
export function toFleetCluster(
  cluster: FleetClusterInput,
  where: { tenantId: string; tenantName: string; subscriptionName: string },
  certificates: FleetCertificate[],
): FleetCluster {
  const { id, name, resourceGroup, subscriptionId, location, kubernetesVersion, provisioningState } = cluster;
  return {
    id,
    name,
    resourceGroup,
    subscriptionId,
    subscriptionName: where.subscriptionName,
    tenantId: where.tenantId,
    tenantName: where.tenantName,
    ...(location !== undefined ? { location } : {}),
    ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    ...(provisioningState !== undefined ? { provisioningState } : {}),
    certificates,
  };
}

export function compareClusters(a: FleetClusterRef, b: FleetClusterRef): number {
  return (
    a.tenantName.localeCompare(b.tenantName) ||
    a.subscriptionName.localeCompare(b.subscriptionName) ||
    a.resourceGroup.localeCompare(b.resourceGroup) ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id)
  );
}

function toFleetCa(certificate: FleetCertificate, now: Date): FleetCa {
  return {
    sha256: certificate.sha256.toLowerCase(),
    sha1: certificate.sha1.toLowerCase(),
    displayName: certificate.displayName,
    subject: certificate.subject,
    issuer: certificate.issuer,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    status: validityStatus(certificate, now),
    daysLeft: daysLeft(certificate.notAfter, now),
    keyDescription: keyDescription(certificate.publicKey),
    subjectKeyIdentifier: certificate.subjectKeyIdentifier?.toLowerCase() ?? null,
    selfIssued: certificate.selfIssued,
    clusters: [],
  };
}

/**
 * Every distinct CA the clusters trust, each with the clusters that trust it (a cluster listing the same CA
 * twice counts once). Sorted by display name, then fingerprint, so the order is stable across loads.
 */
export function buildCaIndex(clusters: readonly FleetCluster[], now: Date): FleetCa[] {
  const bySha = new Map<string, FleetCa>();
  for (const cluster of clusters) {
    const ref = clusterRef(cluster);
    for (const certificate of cluster.certificates) {
      const sha256 = certificate.sha256.toLowerCase();
      let ca = bySha.get(sha256);
      if (!ca) {
        ca = toFleetCa(certificate, now);
        bySha.set(sha256, ca);
      }
      if (!ca.clusters.some((trusting) => trusting.id === ref.id)) ca.clusters.push(ref);
    }
  }
  const index = [...bySha.values()];
  for (const ca of index) ca.clusters.sort(compareClusters);
  return index.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.sha256.localeCompare(b.sha256));
}

export function findCa(index: readonly FleetCa[], sha256: string): FleetCa | undefined {
  const wanted = normalizeHex(sha256);
  return wanted ? index.find((ca) => ca.sha256 === wanted) : undefined;
}
