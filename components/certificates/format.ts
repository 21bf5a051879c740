/** How certificate values read on a card. Pure. */
import type { CertificateInfo } from '@/lib/pki';

/** `2026-03-01 14:05:00 UTC` */
export function utcTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC');
}

/** The browser's local time with its zone name. */
export function localTime(iso: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName (RangeError), hence the separate fields.
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** Hex in colon-separated pairs, as certificate viewers show fingerprints, key identifiers and serials. */
export { formatFingerprint as colonHex } from '@/lib/pki/fingerprint';

/** "expires in 23 days", "expired 3 days ago", "valid in 2 days": lib/pki's one days-left rule. */
export { relativeValidity } from '@/lib/pki/days-left';

export function publicKeyText(key: CertificateInfo['publicKey']): string {
  if (key.curve) return `${key.algorithm} ${key.curve}`;
  return key.size ? `${key.algorithm} ${key.size} bits` : key.algorithm;
}

export function criticalText(critical: boolean | null): string {
  return critical ? 'critical' : 'not critical';
}
