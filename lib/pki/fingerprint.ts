/** The one way a SHA-256 (or SHA-1) fingerprint reads anywhere in the app: upper-case hex pairs joined by colons. */
export function formatFingerprint(hex: string): string {
  return (
    hex
      .replace(/[^0-9a-f]/gi, '')
      .toUpperCase()
      .match(/.{1,2}/g) ?? []
  ).join(':');
}

/** What formatFingerprint gives for a SHA-256: 32 pairs. Tests and the e2e check read fingerprints against it. */
export const SHA256_FINGERPRINT = /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/;
