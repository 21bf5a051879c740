/** Expiry levels as operators know them (cert-manager / Headlamp): never conveyed by colour alone. */
export type ExpiryStatus = 'expired' | 'critical' | 'expiring' | 'ok' | 'not-yet-valid';

const DAY_MS = 86_400_000;
export const EXPIRING_DAYS = 30;
export const CRITICAL_DAYS = 7;

export function expiryStatus(notBefore: string, notAfter: string, now: Date): ExpiryStatus {
  const nowMs = now.getTime();
  if (Date.parse(notAfter) <= nowMs) return 'expired';
  if (Date.parse(notBefore) > nowMs) return 'not-yet-valid';
  const daysLeft = (Date.parse(notAfter) - nowMs) / DAY_MS;
  if (daysLeft <= CRITICAL_DAYS) return 'critical';
  if (daysLeft <= EXPIRING_DAYS) return 'expiring';
  return 'ok';
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
