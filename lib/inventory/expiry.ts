/** Expiry levels as operators know them (cert-manager / Headlamp), in words: never conveyed by colour alone. */
import { validityStatus, type ValidityStatus } from '../pki/validity-status';

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

/** "expires in 23 days", "expired 3 days ago", "expires today": lib/pki's one days-left rule. */
export { relativeExpiry } from '../pki/days-left';
