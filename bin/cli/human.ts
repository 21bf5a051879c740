import type { BundleResult, CertificateInfo, Finding } from '../../lib/pki';

function where(source: CertificateInfo['source'] | Finding): string {
  const file = source.file ?? 'input';
  const line = 'startLine' in source ? source.startLine : 'line' in source ? source.line : undefined;
  const endLine = 'endLine' in source ? source.endLine : undefined;
  if (line === undefined) return file;
  return endLine !== undefined && endLine !== line ? `${file}:${line}-${endLine}` : `${file}:${line}`;
}

function keyText(certificate: CertificateInfo): string {
  const { algorithm, size, curve } = certificate.publicKey;
  return [algorithm, curve ?? (size ? `${size} bits` : undefined)].filter(Boolean).join(' ');
}

function certificateBlock(certificate: CertificateInfo): string {
  const traits = [
    certificate.basicConstraints.cA ? 'CA' : 'not a CA',
    certificate.selfIssued ? 'self-signed' : `issued by ${certificate.issuer}`,
  ];
  return [
    `[${certificate.index + 1}] ${certificate.displayName}  (${where(certificate.source)})`,
    `    subject    ${certificate.subject}`,
    `    validity   ${certificate.notBefore} to ${certificate.notAfter}`,
    `    sha256     ${certificate.sha256}`,
    `    key        ${keyText(certificate)}, signed with ${certificate.signatureAlgorithm}`,
    `    role       ${traits.join(', ')}`,
  ].join('\n');
}

function findingLine(finding: Finding): string {
  return `  ${where(finding)}: ${finding.severity} [${finding.id}] ${finding.message}`;
}

export function lintHuman(result: BundleResult): string {
  const blocks = result.certificates.map(certificateBlock);
  const count = (severity: Finding['severity']) =>
    result.findings.filter((finding) => finding.severity === severity).length;
  const summary = `${result.certificates.length} certificate${result.certificates.length === 1 ? '' : 's'}, ${result.wireEntries.length} to send; ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`;
  const findings =
    result.findings.length > 0 ? ['findings:', ...result.findings.map(findingLine)].join('\n') : 'no findings';
  return [...blocks, findings, summary].join('\n\n') + '\n';
}

export function findingsText(findings: Finding[]): string {
  return findings.map(findingLine).join('\n') + (findings.length > 0 ? '\n' : '');
}

/** One line per certificate, for `decode`. */
export function summaryLine(certificate: CertificateInfo): string {
  return `# [${certificate.index + 1}] ${certificate.displayName} | ${certificate.basicConstraints.cA ? 'CA' : 'not a CA'} | expires ${certificate.notAfter} | sha256 ${certificate.sha256}`;
}
