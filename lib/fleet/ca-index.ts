/** The fleet CA index: every distinct CA across the loaded clusters, by SHA-256 of DER, with who trusts it. Pure. */
import { DAY_MS } from '../pki/validity-status';
import { expiryStatus } from '../inventory/expiry';
import type { FleetCa, FleetCertificate, FleetCluster, FleetClusterRef } from './types';

export function keyDescription(key: FleetCertificate['publicKey']): string {
  if (key.curve) return `${key.algorithm} ${key.curve}`;
  return key.size ? `${key.algorithm} ${key.size} bits` : key.algorithm;
}

/** Whole days until notAfter, rounded the way "expires in N days" is. */
export function daysLeft(notAfter: string, now: Date): number {
  const days = Math.round((Date.parse(notAfter) - now.getTime()) / DAY_MS);
  return days === 0 ? 0 : days; // never -0
}

export function clusterRef(cluster: FleetCluster): FleetClusterRef {
  const { id, name, resourceGroup, subscriptionId, subscriptionName, tenantId, tenantName } = cluster;
  return { id, name, resourceGroup, subscriptionId, subscriptionName, tenantId, tenantName };
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
    status: expiryStatus(certificate.notBefore, certificate.notAfter, now),
    daysLeft: daysLeft(certificate.notAfter, now),
    keyDescription: keyDescription(certificate.publicKey),
    subjectKeyIdentifier: certificate.subjectKeyIdentifier?.toLowerCase() ?? null,
    selfSigned: certificate.selfSigned,
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
  const wanted = sha256.replace(/[\s:]/g, '').toLowerCase();
  return index.find((ca) => ca.sha256 === wanted);
}
