/** One inventory row: a cluster's facts plus what its CA list means today. Pure. */
import type { ClusterSummary, SubscriptionSummary } from '../clusters/types';
import type { CertificateInfo, Finding } from '../pki/types';
import { validityStatus, type ValidityStatus } from '../pki/validity-status';

export interface ClusterTrust {
  certificates: (Pick<CertificateInfo, 'displayName' | 'notBefore' | 'notAfter'> & { sha256?: string })[];
  findings: Pick<Finding, 'severity' | 'message' | 'id'>[];
}

export interface ClusterRow {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  subscriptionName: string;
  tenantId: string;
  /** The tenant's display name (its id when the tenant list did not name it). */
  tenantName: string;
  location: string;
  kubernetesVersion: string;
  provisioningState: string;
  powerState: string | null;
  caCount: number;
  /** SHA-256 of each CA the cluster trusts (baseline drift compares them). */
  caSha256: string[];
  earliestExpiry: { displayName: string; notAfter: string; status: ValidityStatus } | null;
  caErrorCount: number;
  /** Error findings on the CA list as it is trusted now, e.g. an expired CA. */
  caProblems: string[];
  linuxAgentPoolCount: number;
  windowsAgentPoolCount: number;
  machineCount: number;
}

export function toClusterRow(
  cluster: ClusterSummary,
  subscription: SubscriptionSummary | undefined,
  trust: ClusterTrust,
  now: Date,
  tenantName?: string,
): ClusterRow {
  const earliest = [...trust.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter))[0];
  const errors = trust.findings.filter((finding) => finding.severity === 'error');
  const windowsPools = cluster.agentPools.filter((pool) => pool.osType === 'Windows');
  return {
    id: cluster.id,
    name: cluster.name,
    resourceGroup: cluster.resourceGroup,
    subscriptionId: cluster.subscriptionId,
    subscriptionName: subscription?.displayName ?? cluster.subscriptionId,
    tenantId: subscription?.tenantId ?? '',
    tenantName: tenantName ?? subscription?.tenantId ?? '',
    location: cluster.location,
    kubernetesVersion: cluster.kubernetesVersion,
    provisioningState: cluster.provisioningState,
    powerState: cluster.powerState,
    caCount: trust.certificates.length,
    caSha256: trust.certificates.flatMap((certificate) => (certificate.sha256 ? [certificate.sha256] : [])),
    earliestExpiry: earliest
      ? {
          displayName: earliest.displayName,
          notAfter: earliest.notAfter,
          status: validityStatus(earliest, now),
        }
      : null,
    caErrorCount: errors.length,
    caProblems: errors.map((finding) => finding.message),
    linuxAgentPoolCount: cluster.agentPools.length - windowsPools.length,
    windowsAgentPoolCount: windowsPools.length,
    machineCount: cluster.agentPools.reduce((sum, pool) => sum + pool.count, 0),
  };
}
