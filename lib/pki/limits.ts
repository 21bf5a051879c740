/** Inputs larger than this are refused before any parsing. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
/** `customCATrustCertificates` accepts at most this many entries. */
export const MAX_AKS_CERTIFICATES = 10;
/** Expiry thresholds, shared with the certificate card's status label. */
export const EXPIRING_SOON_DAYS = 30;
export const EXPIRING_CRITICAL_DAYS = 7;
