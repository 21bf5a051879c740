/** Expiry levels as operators know them (cert-manager / Headlamp), in words: never conveyed by colour alone. */
import type { ValidityStatus } from '../pki/validity-status';

/** Words for lib/pki's validityStatus (the level a certificate card shows). */
export const EXPIRY_LABELS: Record<ValidityStatus, string> = {
  expired: 'Expired',
  critical: 'Critical',
  expiring: 'Expiring',
  ok: 'OK',
  'not-yet-valid': 'Not yet valid',
};

/** "expires in 23 days", "expired 3 days ago", "expires today": lib/pki's one days-left rule. */
export { relativeExpiry } from '../pki/days-left';
