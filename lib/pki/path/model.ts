import { decodeCertificate, type DecodedCertificate } from '../decode';
import { readName, sameBytes } from '../decode/names';
import { splitCertificate, type CertificateStructure } from '../decode/structure';
import { readAlgorithm } from '../decode/values';
import { decodeBase64 } from '../encoding';
import { parseExtensions, type PathExtensions } from './extensions';

/**
 * A certificate as path validation needs it: lib/pki's decoded model (`info`) plus the raw pieces Go's
 * crypto/x509 compares byte for byte (subject and issuer names, public key, SAN extension) and the
 * extensions `decode/` does not read (subjectAltName, name constraint subtrees, critical extensions).
 */
export interface PathCertificate extends PathExtensions {
  der: Uint8Array;
  info: DecodedCertificate;
  parts: CertificateStructure;
  /** DER of the subject and issuer Name, compared byte for byte as Go does. */
  rawSubject: Uint8Array;
  rawIssuer: Uint8Array;
  signatureOid: string;
  signatureParams: Uint8Array | null;
  commonName: string | null;
  notBefore: number;
  notAfter: number;
}

export type CertificateSource = string | Uint8Array | { pem: string };

/** DER of one certificate given as DER, a single PEM block or anything with a `pem` field (CertificateInfo). */
export function toDer(source: CertificateSource): Uint8Array | null {
  if (source instanceof Uint8Array) return source;
  const pem = typeof source === 'string' ? source : source.pem;
  const match = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  return match ? decodeBase64(match[1]!.replace(/\s+/g, '')) : null;
}

/**
 * Bundles are re-checked on every edit (the dashboard) with the same anchors, often Debian's 150 roots: each
 * certificate is prepared once per text and kept (results are read-only), up to a bounded number.
 */
const CACHE_LIMIT = 1000;
const prepared = new Map<string, Promise<PathCertificate | null>>();

/** null when the bytes are not a certificate lib/pki can read. */
export function preparePathCertificate(source: CertificateSource): Promise<PathCertificate | null> {
  const key = typeof source === 'string' ? source : source instanceof Uint8Array ? null : source.pem;
  if (key === null) return prepare(source);
  const cached = prepared.get(key);
  if (cached) return cached;
  if (prepared.size >= CACHE_LIMIT) prepared.delete(prepared.keys().next().value!);
  const promise = prepare(source);
  prepared.set(key, promise);
  return promise;
}

async function prepare(source: CertificateSource): Promise<PathCertificate | null> {
  const der = toDer(source);
  if (!der) return null;
  try {
    const parts = splitCertificate(der);
    const info = await decodeCertificate(der);
    const signature = readAlgorithm(parts.signatureAlgorithm);
    const subject = readName(parts.subject) ?? [];
    return {
      der,
      info,
      parts,
      rawSubject: parts.subject,
      rawIssuer: parts.issuer,
      signatureOid: signature?.oid ?? '',
      signatureParams: signature?.params ?? null,
      commonName: subject.findLast((attribute) => attribute.type === 'CN')?.value ?? null,
      notBefore: Date.parse(info.notBefore),
      notAfter: Date.parse(info.notAfter),
      ...parseExtensions(parts.extensions),
    };
  } catch {
    return null;
  }
}

export function sameCertificate(a: PathCertificate, b: PathCertificate): boolean {
  return a.info.sha256 === b.info.sha256;
}

/** Go's alreadyInChain: same subject, same public key and the same SAN extension (or none on both). */
export function alreadyInChain(candidate: PathCertificate, chain: PathCertificate[]): boolean {
  return chain.some(
    (certificate) =>
      sameBytes(candidate.rawSubject, certificate.rawSubject) &&
      sameBytes(candidate.parts.spki, certificate.parts.spki) &&
      (candidate.rawSan === null
        ? certificate.rawSan === null
        : certificate.rawSan !== null && sameBytes(candidate.rawSan, certificate.rawSan)),
  );
}

/** The name operators know a certificate by: its CN, else lib/pki's display name. */
export function nameOf(certificate: PathCertificate): string {
  return certificate.info.displayName;
}
