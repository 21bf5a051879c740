import { EXPIRING_CRITICAL_DAYS, EXPIRING_SOON_DAYS } from '../limits';
import { validityStatus } from '../validity-status';
import { dayCount, wholeDays } from '../days-left';
import { findingFor, named, type CertificateRule } from './rule';

/** Whole days (the product's one rule, lib/pki/days-left.ts): "3 days ago" / "today". */
function ago(ms: number): string {
  const days = wholeDays(ms);
  return days === 0 ? 'today' : `${dayCount(days)} ago`;
}

/** "in 23 days" / "today" (expiry) or "later today" (start). */
function ahead(ms: number, today = 'today'): string {
  const days = wholeDays(ms);
  return days === 0 ? today : `in ${dayCount(days)}`;
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
          `${named(certificate)} expired on ${certificate.notAfter} (${ago(sinceExpiry)}); nodes will not trust it, so replace it with the renewed CA certificate.`,
        ),
      ];
    case 'not-yet-valid':
      return [
        findingFor(
          certificate,
          'not-yet-valid',
          'warning',
          `${named(certificate)} is not valid until ${certificate.notBefore} (${ahead(untilValid, 'later today')}); nodes will reject it until then, so check the date or keep the current CA alongside it.`,
        ),
      ];
    case 'critical':
      return [
        findingFor(
          certificate,
          'expiring-soon',
          'warning',
          `${named(certificate)} expires within ${EXPIRING_CRITICAL_DAYS} days, on ${certificate.notAfter} (${ahead(-sinceExpiry)}); add its replacement now.`,
        ),
      ];
    case 'expiring':
      return [
        findingFor(
          certificate,
          'expiring-soon',
          'warning',
          `${named(certificate)} expires within ${EXPIRING_SOON_DAYS} days, on ${certificate.notAfter} (${ahead(-sinceExpiry)}); plan its replacement.`,
        ),
      ];
    default:
      return [];
  }
};
