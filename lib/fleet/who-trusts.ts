/** Which clusters trust a CA (by SHA-256 of its DER) and which do not: `ca-trust fleet who-trusts`. Pure. */
import { compareClusters } from './ca-index';
import { normalizeHex } from './search';
import type { FleetCertificate, FleetCluster } from './types';

export interface TrustAnswer {
  /** Lower-case hex, no separators. */
  sha256: string;
  /** The CA as some cluster holds it (null when no cluster does). */
  certificate: FleetCertificate | null;
  /** Every cluster holding the CA, and every other cluster, each in the fleet's stable order. */
  trusting: FleetCluster[];
  missing: FleetCluster[];
}

export function whoTrusts(clusters: readonly FleetCluster[], sha256: string): TrustAnswer {
  const wanted = normalizeHex(sha256) ?? sha256.toLowerCase();
  const trusting: FleetCluster[] = [];
  const missing: FleetCluster[] = [];
  let certificate: FleetCertificate | null = null;
  for (const cluster of [...clusters].sort(compareClusters)) {
    const match = cluster.certificates.find((c) => c.sha256.toLowerCase() === wanted);
    if (match) {
      certificate ??= match;
      trusting.push(cluster);
    } else missing.push(cluster);
  }
  return { sha256: wanted, certificate, trusting, missing };
}
