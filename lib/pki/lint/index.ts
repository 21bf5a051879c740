import type { CertificateInfo, Finding } from '../types';
import { bundleRules, uniqueCertificates } from './bundle';
import { caRules } from './ca';
import { keyRules } from './keys';
import { nameRules } from './names';
import type { CertificateRule, LintContext } from './rule';
import { signatureRules } from './signature';
import { validityRules } from './validity';

export { uniqueCertificates } from './bundle';
export type { LintContext } from './rule';

const CERTIFICATE_RULES: CertificateRule[] = [caRules, validityRules, keyRules, signatureRules, nameRules];

/** Lints a node trust store (AKS node images use OpenSSL). `now` is the only notion of time the rules see. */
export function lintCertificates(certificates: CertificateInfo[], context: LintContext): Finding[] {
  const findings: Finding[] = [];
  // A duplicate gets only the duplicate warning, not a second copy of every other finding.
  for (const certificate of uniqueCertificates(certificates)) {
    for (const rule of CERTIFICATE_RULES) findings.push(...rule(certificate, context));
  }
  findings.push(...bundleRules(certificates));
  return findings;
}
