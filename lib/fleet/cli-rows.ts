/**
 * The fleet as the `ca-trust fleet` commands see it: each cluster with its decoded CAs, one row per cluster × CA,
 * the CAs expiring within a window, and who trusts a given CA. Pure functions over plain data.
 */
import type { CertificateInfo } from '../pki/types';
import { DAY_MS, validityStatus, type ValidityStatus } from '../pki/validity-status';

export interface FleetCertificate {
  displayName: string;
  subject: string;
  issuer: string;
  /** Lower-case hex SHA-256 of the DER, no colons. */
  sha256: string;
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter (negative once expired). */
  daysLeft: number;
  status: ValidityStatus;
}

export interface FleetCluster {
  tenantId: string;
  tenantName: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceGroup: string;
  name: string;
  id: string;
  location: string;
  kubernetesVersion: string;
  provisioningState: string;
  certificates: FleetCertificate[];
}

export interface FleetClusterInput {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  kubernetesVersion: string;
  provisioningState: string;
}

export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}

export function toFleetCertificate(
  certificate: Pick<CertificateInfo, 'displayName' | 'subject' | 'issuer' | 'sha256' | 'notBefore' | 'notAfter'>,
  now: Date,
): FleetCertificate {
  return {
    displayName: certificate.displayName,
    subject: certificate.subject,
    issuer: certificate.issuer,
    sha256: certificate.sha256.toLowerCase(),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    daysLeft: daysLeft(certificate.notAfter, now),
    status: validityStatus(certificate, now),
  };
}

export function toFleetCluster(
  cluster: FleetClusterInput,
  where: { tenantId: string; tenantName: string; subscriptionName: string },
  certificates: FleetCertificate[],
): FleetCluster {
  return {
    tenantId: where.tenantId,
    tenantName: where.tenantName,
    subscriptionId: cluster.subscriptionId,
    subscriptionName: where.subscriptionName,
    resourceGroup: cluster.resourceGroup,
    name: cluster.name,
    id: cluster.id,
    location: cluster.location,
    kubernetesVersion: cluster.kubernetesVersion,
    provisioningState: cluster.provisioningState,
    certificates,
  };
}

/** Stable order for output: tenant, subscription, resource group, cluster (case-insensitive). */
export function sortClusters(clusters: readonly FleetCluster[]): FleetCluster[] {
  const key = (c: FleetCluster) =>
    [c.tenantName, c.subscriptionName, c.resourceGroup, c.name].map((part) => part.toLowerCase()).join('\u0000');
  return [...clusters].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface FleetCaRow {
  cluster: FleetCluster;
  /** null for a cluster that trusts no custom CA (listed once, so every cluster appears). */
  certificate: FleetCertificate | null;
}

/** One row per cluster × CA; a cluster without custom CAs gives one row without a certificate. */
export function caRows(clusters: readonly FleetCluster[]): FleetCaRow[] {
  return clusters.flatMap((cluster): FleetCaRow[] =>
    cluster.certificates.length
      ? cluster.certificates.map((certificate) => ({ cluster, certificate }))
      : [{ cluster, certificate: null }],
  );
}

export const CA_ROW_HEADER = [
  'tenant',
  'subscription',
  'resource group',
  'cluster',
  'CA name',
  'SHA-256',
  'notAfter',
  'days left',
  'status',
] as const;

export function caRowCells(row: FleetCaRow): (string | number | null)[] {
  const { cluster, certificate } = row;
  return [
    cluster.tenantName,
    cluster.subscriptionName,
    cluster.resourceGroup,
    cluster.name,
    certificate?.displayName ?? null,
    certificate?.sha256 ?? null,
    certificate?.notAfter ?? null,
    certificate?.daysLeft ?? null,
    certificate?.status ?? null,
  ];
}

/** Rows whose CA has expired or expires at or before now + window, soonest first. */
export function expiringWithin(clusters: readonly FleetCluster[], windowMs: number, now: Date): FleetCaRow[] {
  const limit = now.getTime() + windowMs;
  return caRows(clusters)
    .filter((row) => row.certificate && Date.parse(row.certificate.notAfter) <= limit)
    .sort((a, b) => a.certificate!.notAfter.localeCompare(b.certificate!.notAfter));
}

/** A SHA-256 fingerprint as 64 hex digits, with or without colons or spaces; null when it is not one. */
export function normalizeSha256(text: string): string | null {
  const hex = text.trim().replace(/[:\s]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export interface TrustAnswer {
  sha256: string;
  /** The CA as some cluster holds it (null when no cluster does). */
  certificate: FleetCertificate | null;
  trusting: FleetCluster[];
  missing: FleetCluster[];
}

export function whoTrusts(clusters: readonly FleetCluster[], sha256: string): TrustAnswer {
  const trusting: FleetCluster[] = [];
  const missing: FleetCluster[] = [];
  let certificate: FleetCertificate | null = null;
  for (const cluster of clusters) {
    const match = cluster.certificates.find((c) => c.sha256 === sha256);
    if (match) {
      certificate ??= match;
      trusting.push(cluster);
    } else missing.push(cluster);
  }
  return { sha256, certificate, trusting, missing };
}

/** `aa:bb:…` for people. */
export function colonHex(hex: string): string {
  return (hex.match(/../g) ?? []).join(':').toUpperCase();
}
