/** Plain, serializable data shared by every lib/pki module (no class instances). */
import type { FindingId } from './finding-rules';

export type { FindingId } from './finding-rules';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable identifier from the registry (`finding-rules.ts`), e.g. `not-a-ca`, `expired`, `crlf-normalized`. */
  id: FindingId;
  severity: Severity;
  /** One plain sentence: what is wrong and how to fix it. Never contains input content. */
  message: string;
  certificateIndex?: number;
  file?: string;
  /** 1-based line in the input exactly as given (before line-ending normalisation). */
  line?: number;
}

export interface SourcePosition {
  file?: string;
  /** 1-based; absent for binary input (DER). */
  startLine?: number;
  endLine?: number;
}

export interface BundleInput {
  name?: string;
  content: string | Uint8Array;
}

export interface PublicKeyInfo {
  /** `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, `RSA-PSS` or the dotted OID when unknown. */
  algorithm: string;
  /** Modulus size in bits for RSA, field size for EC. */
  size?: number;
  /** `P-256`, `P-384`, `P-521` or the curve OID when unknown. */
  curve?: string;
}

export interface NameConstraintsInfo {
  critical: boolean;
  permitted: string[];
  excluded: string[];
}

export interface CertificateInfo {
  index: number;
  source: SourcePosition;
  displayName: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  version: number;
  notBefore: string;
  notAfter: string;
  sha256: string;
  sha1: string;
  spkiSha256: string;
  publicKey: PublicKeyInfo;
  /** Friendly name such as `sha256WithRSAEncryption`, or the OID. */
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  basicConstraints: { present: boolean; critical: boolean; cA: boolean; pathLength: number | null };
  keyUsage: string[];
  /** null when the extension is absent. */
  keyUsageCritical: boolean | null;
  extendedKeyUsage: string[];
  /** subjectAltName entries as `DNS:…`, `email:…`, `URI:…`, `IP:…`, `DirName:…` (empty when absent). */
  subjectAltNames: string[];
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  nameConstraints: NameConstraintsInfo | null;
  /** Subject and issuer names are equal. */
  selfIssued: boolean;
  /** For a self-issued certificate: does its signature verify with its own key? null if not self-issued or not checkable. */
  selfSignatureValid: boolean | null;
  /** Canonical PEM: LF, 64-character lines, trailing newline. */
  pem: string;
}

export interface BundleResult {
  certificates: CertificateInfo[];
  findings: Finding[];
  /** Base64 of each unique certificate's canonical PEM, exactly what ARM receives. */
  wireEntries: string[];
}
