import type { Finding } from '../types';
import { findingFor, named, type CertificateRule } from './rule';

/** A trust anchor must be a CA that may sign certificates. */
export const caRules: CertificateRule = (certificate) => {
  const findings: Finding[] = [];
  const { basicConstraints } = certificate;
  // Version 1 and 2 certificates cannot carry extensions; OpenSSL accepts a self-signed one as a trust
  // anchor, so they get the old-version warning instead of this error.
  const legacyRoot = certificate.version < 3 && certificate.selfIssued;
  if ((!basicConstraints.present || !basicConstraints.cA) && !legacyRoot) {
    const why = basicConstraints.present
      ? 'its basicConstraints say cA is false'
      : 'it has no basicConstraints extension';
    findings.push(
      findingFor(
        certificate,
        'not-a-ca',
        'error',
        `${named(certificate)} is not a CA certificate (${why}); add the CA that issued it instead of this leaf certificate.`,
      ),
    );
  } else if (basicConstraints.present && !basicConstraints.critical) {
    findings.push(
      findingFor(
        certificate,
        'basic-constraints-not-critical',
        'info',
        `${named(certificate)} has basicConstraints that are not marked critical, as RFC 5280 requires for CA certificates; it still works on Linux nodes.`,
      ),
    );
  }
  const isCa = basicConstraints.cA || legacyRoot;
  // For a leaf, not-a-ca already says it all.
  if (isCa && certificate.keyUsageCritical !== null && !certificate.keyUsage.includes('keyCertSign')) {
    findings.push(
      findingFor(
        certificate,
        'key-usage-missing-cert-sign',
        'error',
        `${named(certificate)} has a keyUsage without keyCertSign, so it may not sign certificates; use a CA certificate issued with keyCertSign.`,
      ),
    );
  }
  if (certificate.nameConstraints) {
    const { permitted, excluded } = certificate.nameConstraints;
    findings.push(
      findingFor(
        certificate,
        'name-constraints-present',
        'info',
        `${named(certificate)} has name constraints (${permitted.length} permitted, ${excluded.length} excluded); certificates it issues outside them will be rejected.`,
      ),
    );
  }
  return findings;
};
