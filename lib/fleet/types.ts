/** The fleet as lib/fleet sees it: plain data about loaded clusters and the CAs they trust. Pure. */
import type { CertificateInfo } from '../pki/types';
import type { ValidityStatus } from '../pki/validity-status';

/** The certificate facts the fleet model needs (a lib/pki CertificateInfo has them all). */
export type FleetCertificate = Pick<
  CertificateInfo,
  | 'sha256'
  | 'sha1'
  | 'displayName'
  | 'subject'
  | 'issuer'
  | 'notBefore'
  | 'notAfter'
  | 'publicKey'
  | 'subjectKeyIdentifier'
  | 'selfIssued'
>;

/** Where a cluster lives: enough to name it, scope it and link to it. */
export interface FleetClusterRef {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  subscriptionName: string;
  tenantId: string;
  tenantName: string;
}

/** A loaded cluster with the CAs its nodes trust, as lib/pki decoded them. */
export interface FleetCluster extends FleetClusterRef {
  certificates: FleetCertificate[];
  /** What ARM said of the cluster, when the reader kept it (the CLI's --json shows it). */
  location?: string;
  kubernetesVersion?: string;
  provisioningState?: string;
}

/** One distinct CA across the fleet (by SHA-256 of its DER) and the clusters that trust it. */
export interface FleetCa {
  sha256: string;
  sha1: string;
  displayName: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  status: ValidityStatus;
  /** Whole days until notAfter, lib/pki/days-left's one rule (negative once expired). */
  daysLeft: number;
  /** `RSA 4096 bits`, `EC P-256`. */
  keyDescription: string;
  subjectKeyIdentifier: string | null;
  selfIssued: boolean;
  clusters: FleetClusterRef[];
}

/** Which clusters a question is about: any field left out matches every cluster. */
export interface FleetScope {
  tenantId?: string;
  subscriptionId?: string;
  /** Case-insensitive text in the cluster's name or resource group. */
  name?: string;
}
