import type { BundleResult, CertificateInfo } from '../../lib/pki';

/** The certificate fields of `ca-trust lint --json`, in the documented order (the canonical PEM is in `payload`). */
function certificateJson(certificate: CertificateInfo) {
  return {
    index: certificate.index,
    source: certificate.source,
    displayName: certificate.displayName,
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    sha256: certificate.sha256,
    sha1: certificate.sha1,
    spkiSha256: certificate.spkiSha256,
    keyUsage: certificate.keyUsage,
    extendedKeyUsage: certificate.extendedKeyUsage,
    publicKey: certificate.publicKey,
    signatureAlgorithm: certificate.signatureAlgorithm,
    selfIssued: certificate.selfIssued,
    selfSignatureValid: certificate.selfSignatureValid,
    version: certificate.version,
    basicConstraints: certificate.basicConstraints,
    keyUsageCritical: certificate.keyUsageCritical,
    subjectKeyIdentifier: certificate.subjectKeyIdentifier,
    authorityKeyIdentifier: certificate.authorityKeyIdentifier,
    nameConstraints: certificate.nameConstraints,
  };
}

export function lintJson(result: BundleResult): string {
  return JSON.stringify({
    certificates: result.certificates.map(certificateJson),
    findings: result.findings,
    payload: result.wireEntries,
  });
}
