/**
 * Baseline drift (issue 12 §5): a team keeps the bundle every cluster must trust in a file; per cluster, does it
 * match, what is missing, what is extra — and "make these match" is a `baseline` change for the drifting ones.
 * The file is read with lib/pki (private keys and anything that is no certificate refused). Pure.
 */
import {
  MAX_AKS_CERTIFICATES,
  readBundle,
  uniqueCertificates,
  type BundleInput,
  type CertificateInfo,
} from '../../pki';
import type { FleetClusterRef } from '../types';
import type { FleetChange, FleetTarget } from './types';

export interface BaselineDrift {
  /** The cluster trusts exactly the baseline (order and repeats do not count). */
  matches: boolean;
  /** In the baseline, not on the cluster (sha256, baseline order). */
  missing: string[];
  /** On the cluster, not in the baseline (sha256, the cluster's order). */
  extra: string[];
}

/** A cluster as the inventory holds it (FleetCluster has its certificates with their SHA-256). */
export type DriftCluster = { certificates: readonly { sha256: string }[] };

export function baselineDrift(cluster: DriftCluster, baselineSha256s: readonly string[]): BaselineDrift {
  const baseline = [...new Set(baselineSha256s.map((s) => s.toLowerCase()))];
  const held = [...new Set(cluster.certificates.map((c) => c.sha256.toLowerCase()))];
  const wanted = new Set(baseline);
  const has = new Set(held);
  const missing = baseline.filter((sha) => !has.has(sha));
  const extra = held.filter((sha) => !wanted.has(sha));
  return { matches: missing.length === 0 && extra.length === 0, missing, extra };
}

export type BaselineRead =
  { ok: true; certificates: CertificateInfo[]; sha256: string[] } | { ok: false; message: string };

/**
 * A baseline bundle file (PEM, DER, PKCS#7, …: whatever lib/pki reads): its distinct certificates in file order.
 * Refused when lib/pki finds an error in it (a private key, a block that is no certificate, an expired CA, …) or it
 * holds more than AKS accepts: a baseline no cluster could be given is no baseline.
 */
export async function readBaseline(inputs: BundleInput[], now: Date): Promise<BaselineRead> {
  const result = await readBundle(inputs, { now });
  const error = result.findings.find((finding) => finding.severity === 'error');
  if (error) return { ok: false, message: `The baseline bundle cannot be used: ${error.message}` };
  const certificates = uniqueCertificates(result.certificates);
  if (certificates.length > MAX_AKS_CERTIFICATES)
    return {
      ok: false,
      message: `The baseline bundle holds ${certificates.length} certificates; AKS accepts at most ${MAX_AKS_CERTIFICATES}.`,
    };
  return { ok: true, certificates, sha256: certificates.map((c) => c.sha256) };
}

/** "Make these match the baseline": the change, and a target naming the clusters that drift from it. */
export function matchBaseline(
  clusters: readonly (DriftCluster & Pick<FleetClusterRef, 'id'>)[],
  baseline: readonly Pick<CertificateInfo, 'sha256' | 'pem'>[],
): { change: FleetChange; target: FleetTarget } {
  const sha256s = baseline.map((c) => c.sha256);
  return {
    change: { kind: 'baseline', certificates: baseline.map((c) => c.pem) },
    target: { clusterIds: clusters.filter((cluster) => !baselineDrift(cluster, sha256s).matches).map((c) => c.id) },
  };
}
