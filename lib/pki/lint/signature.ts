import type { Finding } from '../types';
import { findingFor, named, type CertificateRule } from './rule';

const BROKEN_HASH = /^md[25]/i;
const SHA1 = /sha1/i;

export const signatureRules: CertificateRule = (certificate) => {
  const findings: Finding[] = [];
  const algorithm = certificate.signatureAlgorithm;
  if (BROKEN_HASH.test(algorithm)) {
    findings.push(
      findingFor(
        certificate,
        'md5-signature',
        'error',
        `${named(certificate)} is signed with ${algorithm}, which is broken; reissue it with SHA-256 or stronger.`,
      ),
    );
  } else if (SHA1.test(algorithm)) {
    findings.push(
      certificate.selfIssued
        ? findingFor(
            certificate,
            'sha1-signature',
            'warning',
            `${named(certificate)} is a self-signed root signed with SHA-1; roots are trusted by identity so it still works, but plan to move to a SHA-256 root.`,
          )
        : findingFor(
            certificate,
            'sha1-signature',
            'error',
            `${named(certificate)} is signed with SHA-1, which current systems reject; reissue it with SHA-256 or stronger.`,
          ),
    );
  }
  if (certificate.version < 3) {
    findings.push(
      findingFor(
        certificate,
        'old-version',
        'warning',
        `${named(certificate)} is an X.509 version ${certificate.version} certificate without extensions; reissue it as version 3 with basicConstraints cA=true.`,
      ),
    );
  }
  if (certificate.selfIssued && certificate.selfSignatureValid === false) {
    findings.push(
      findingFor(
        certificate,
        'self-signature-invalid',
        'warning',
        `${named(certificate)} names itself as issuer but its signature does not verify with its own key; it may be corrupted or tampered with, so download it again from its source.`,
      ),
    );
  }
  return findings;
};
