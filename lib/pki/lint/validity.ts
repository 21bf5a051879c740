import { EXPIRING_CRITICAL_DAYS, EXPIRING_SOON_DAYS } from '../limits';
import { findingFor, named, type CertificateRule } from './rule';

const DAY_MS = 24 * 60 * 60 * 1000;

function days(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / DAY_MS));
  return `${count} day${count === 1 ? '' : 's'}`;
}

export const validityRules: CertificateRule = (certificate, { now }) => {
  const notBefore = Date.parse(certificate.notBefore);
  const notAfter = Date.parse(certificate.notAfter);
  const time = now.getTime();
  if (time > notAfter) {
    return [findingFor(certificate, 'expired', 'error', `${named(certificate)} expired on ${certificate.notAfter} (${days(time - notAfter)} ago); nodes will not trust it, so replace it with the renewed CA certificate.`)];
  }
  if (time < notBefore) {
    return [findingFor(certificate, 'not-yet-valid', 'warning', `${named(certificate)} is not valid until ${certificate.notBefore} (in ${days(notBefore - time)}); nodes will reject it until then, so check the date or keep the current CA alongside it.`)];
  }
  const remaining = notAfter - time;
  if (remaining <= EXPIRING_CRITICAL_DAYS * DAY_MS) {
    return [findingFor(certificate, 'expiring-soon', 'warning', `${named(certificate)} expires within ${EXPIRING_CRITICAL_DAYS} days, on ${certificate.notAfter} (in ${days(remaining)}); add its replacement now.`)];
  }
  if (remaining <= EXPIRING_SOON_DAYS * DAY_MS) {
    return [findingFor(certificate, 'expiring-soon', 'warning', `${named(certificate)} expires within ${EXPIRING_SOON_DAYS} days, on ${certificate.notAfter} (in ${days(remaining)}); plan its replacement.`)];
  }
  return [];
};
