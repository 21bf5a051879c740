/** Expiry levels as operators know them (cert-manager / Headlamp), in words: never conveyed by colour alone. */
import { DAY_MS, validityStatus, type ValidityStatus } from '../pki/validity-status';

export type ExpiryStatus = ValidityStatus;

/** The level lib/pki gives a certificate card, for a pair of validity dates. */
export function expiryStatus(notBefore: string, notAfter: string, now: Date): ExpiryStatus {
  return validityStatus({ notBefore, notAfter }, now);
}

export const EXPIRY_LABELS: Record<ExpiryStatus, string> = {
  expired: 'Expired',
  critical: 'Critical',
  expiring: 'Expiring',
  ok: 'OK',
  'not-yet-valid': 'Not yet valid',
};

/** "expires in 23 days", "expired 3 days ago", "expires today". */
export function relativeExpiry(notAfter: string, now: Date): string {
  const days = Math.round((Date.parse(notAfter) - now.getTime()) / DAY_MS);
  if (days === 0) return Date.parse(notAfter) > now.getTime() ? 'expires today' : 'expired today';
  if (days > 0) return `expires in ${days} day${days === 1 ? '' : 's'}`;
  return `expired ${-days} day${days === -1 ? '' : 's'} ago`;
}
