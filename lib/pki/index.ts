/**
 * lib/pki: the certificate engine. Pure and isomorphic (WebCrypto via globalThis.crypto only);
 * the same code runs in the browser, in server actions and in the ca-trust command line.
 */
export type {
  BundleInput,
  BundleResult,
  CertificateInfo,
  Finding,
  FindingId,
  NameConstraintsInfo,
  PublicKeyInfo,
  Severity,
  SourcePosition,
} from './types';
export { readBundle, type ReadBundleOptions } from './read-bundle';
export { readCaBundle } from './read-ca-bundle';
export { toAksPayload, toAzFile, toTerraformList, type AksBundleEntry, type AksPayload } from './payload';
export { diffBundles, type BundleDiff, type Rotation } from './diff';
export { lintCertificates, uniqueCertificates, type LintContext } from './lint';
export { entriesFromJson } from './intake/json-entries';
export { DAY_MS, validityStatus, type ValidityStatus } from './validity-status';
export { dayCount, daysLeft, relativeExpiry, relativeStart, relativeValidity, wholeDays } from './days-left';
export { EXPIRING_CRITICAL_DAYS, EXPIRING_SOON_DAYS, MAX_AKS_CERTIFICATES, MAX_INPUT_BYTES } from './limits';
export {
  verifyPath,
  verifyChain,
  type VerifyPathOptions,
  type VerifyChainOptions,
  type PathValidationResult,
  type PathEntry,
} from './path/verify-path';
export { pemBlocksOf } from './path/pem-blocks';
export { visibleText, hasInvisibleCharacters } from './visible-text';
export { formatFingerprint, SHA256_FINGERPRINT } from './fingerprint';
export { removePrivateKeys } from './intake/remove-keys';
