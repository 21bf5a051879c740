import { MAX_AKS_CERTIFICATES } from '../limits';
import type { CertificateInfo, Finding } from '../types';
import { findingFor, named } from './rule';

/** Rules about the bundle as a whole: duplicates, the AKS limit, and issuers missing from the bundle. */
export function bundleRules(certificates: CertificateInfo[]): Finding[] {
  const findings: Finding[] = [];
  const firstBySha256 = new Map<string, CertificateInfo>();
  const unique: CertificateInfo[] = [];
  for (const certificate of certificates) {
    const first = firstBySha256.get(certificate.sha256);
    if (first) {
      findings.push(
        findingFor(
          certificate,
          'duplicate',
          'warning',
          `${named(certificate)} is the same certificate as number ${first.index + 1}; it is kept once.`,
        ),
      );
    } else {
      firstBySha256.set(certificate.sha256, certificate);
      unique.push(certificate);
    }
  }
  if (unique.length > MAX_AKS_CERTIFICATES) {
    const first = unique[MAX_AKS_CERTIFICATES]!;
    findings.push(
      findingFor(
        first,
        'too-many-certificates',
        'error',
        `The bundle has ${unique.length} different certificates but AKS accepts at most ${MAX_AKS_CERTIFICATES}; remove ${unique.length - MAX_AKS_CERTIFICATES}, starting with ones your nodes do not need.`,
      ),
    );
  }
  const subjects = new Set(unique.map((certificate) => certificate.subject));
  const keyIds = new Set(unique.map((certificate) => certificate.subjectKeyIdentifier).filter((id) => id !== null));
  for (const certificate of unique) {
    if (certificate.selfIssued) continue;
    const issuerPresent =
      certificate.authorityKeyIdentifier && keyIds.size > 0
        ? keyIds.has(certificate.authorityKeyIdentifier) || subjects.has(certificate.issuer)
        : subjects.has(certificate.issuer);
    if (!issuerPresent) {
      findings.push(
        findingFor(
          certificate,
          'issuer-not-in-bundle',
          'info',
          `The issuer of ${named(certificate)} (${certificate.issuer}) is not in the bundle; nodes can use it as a trust anchor, but add the root too if your clients need the full chain.`,
        ),
      );
    }
  }
  return findings;
}

/** The certificates that go into the caBundle: the first of each SHA-256, in input order. */
export function uniqueCertificates(certificates: CertificateInfo[]): CertificateInfo[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => !seen.has(certificate.sha256) && seen.add(certificate.sha256));
}
