import { EXPIRING_CRITICAL_DAYS, EXPIRING_SOON_DAYS } from './limits';
import type { CertificateInfo } from './types';

/** The label a certificate card shows next to its dates (ux.md): never colour alone. */
export type ValidityStatus = 'ok' | 'expiring' | 'critical' | 'expired' | 'not-yet-valid';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function validityStatus(
  certificate: Pick<CertificateInfo, 'notBefore' | 'notAfter'>,
  now: Date,
): ValidityStatus {
  const time = now.getTime();
  const notAfter = Date.parse(certificate.notAfter);
  if (time > notAfter) return 'expired';
  if (time < Date.parse(certificate.notBefore)) return 'not-yet-valid';
  const remaining = notAfter - time;
  if (remaining <= EXPIRING_CRITICAL_DAYS * DAY_MS) return 'critical';
  return remaining <= EXPIRING_SOON_DAYS * DAY_MS ? 'expiring' : 'ok';
}
