import type { FindingId, SeverityOf } from '../finding-rules';
import type { CertificateInfo, Finding } from '../types';
import { visibleText } from '../visible-text';

export interface LintContext {
  now: Date;
}

/** A rule looks at one certificate; the current time comes from the context, never from the clock. */
export type CertificateRule = (certificate: CertificateInfo, context: LintContext) => Finding[];

/** A finding about one certificate, pointing at its first line; the severity must be one the registry allows for `id`. */
export function findingFor<I extends FindingId>(
  certificate: CertificateInfo,
  id: I,
  severity: SeverityOf<I>,
  message: string,
): Finding {
  const finding: Finding = { id, severity, message, certificateIndex: certificate.index };
  if (certificate.source.file !== undefined) finding.file = certificate.source.file;
  if (certificate.source.startLine !== undefined) finding.line = certificate.source.startLine;
  return finding;
}

/** How findings name a certificate: its display name in quotes, shortened, invisible characters escaped. */
export function named(certificate: CertificateInfo): string {
  const name =
    certificate.displayName.length > 80 ? `${certificate.displayName.slice(0, 77)}...` : certificate.displayName;
  return `"${visibleText(name)}"`;
}
