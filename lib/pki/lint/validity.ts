import { EXPIRING_CRITICAL_DAYS, EXPIRING_SOON_DAYS } from '../limits';
import { DAY_MS, validityStatus } from '../validity-status';
import { findingFor, named, type CertificateRule } from './rule';

function days(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / DAY_MS));
  return `${count} day${count === 1 ? '' : 's'}`;
}

export const validityRules: CertificateRule = (certificate, { now }) => {
  const sinceExpiry = now.getTime() - Date.parse(certificate.notAfter);
  const untilValid = Date.parse(certificate.notBefore) - now.getTime();
  switch (validityStatus(certificate, now)) {
    case 'expired':
      return [
        findingFor(
          certificate,
          'expired',
          'error',
          `${named(certificate)} expired on ${certificate.notAfter} (${days(sinceExpiry)} ago); nodes will not trust it, so replace it with the renewed CA certificate.`,
        ),
      ];
    case 'not-yet-valid':
      return [
        findingFor(
          certificate,
          'not-yet-valid',
          'warning',
          `${named(certificate)} is not valid until ${certificate.notBefore} (in ${days(untilValid)}); nodes will reject it until then, so check the date or keep the current CA alongside it.`,
        ),
      ];
    case 'critical':
      return [
        findingFor(
          certificate,
          'expiring-soon',
          'warning',
          `${named(certificate)} expires within ${EXPIRING_CRITICAL_DAYS} days, on ${certificate.notAfter} (in ${days(-sinceExpiry)}); add its replacement now.`,
        ),
      ];
    case 'expiring':
      return [
        findingFor(
          certificate,
          'expiring-soon',
          'warning',
          `${named(certificate)} expires within ${EXPIRING_SOON_DAYS} days, on ${certificate.notAfter} (in ${days(-sinceExpiry)}); plan its replacement.`,
        ),
      ];
    default:
      return [];
  }
};
