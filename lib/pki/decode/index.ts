import { derToPem, toHex } from '../encoding';
import type { CertificateInfo } from '../types';
import { readExtensions } from './extensions';
import { displayNameOf, formatName, readName, sameBytes, sameName } from './names';
import { SIGNATURE_ALGORITHMS } from './oids';
import { describePublicKey } from './public-key';
import { MalformedCertificateError, splitCertificate } from './structure';
import { checkCertificateStrictly } from './strict';
import { readAlgorithm, readTime } from './values';
import { verifySignature } from './verify';

export type DecodedCertificate = Omit<CertificateInfo, 'index' | 'source'>;
export { MalformedCertificateError };
export { StrictDerError } from './strict-der';

async function digestHex(algorithm: 'SHA-256' | 'SHA-1', bytes: Uint8Array): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest(algorithm, bytes as BufferSource));
}

function serialHex(bytes: Uint8Array): string {
  return toHex(bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes);
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new MalformedCertificateError(what);
  return value;
}

/**
 * Decodes one certificate into plain data. Throws MalformedCertificateError when it is not an X.509 certificate.
 * `base64OfDer` saves re-encoding when the caller already has it.
 */
export async function decodeCertificate(der: Uint8Array, base64OfDer?: string): Promise<DecodedCertificate> {
  checkCertificateStrictly(der);
  const parts = splitCertificate(der);
  const subject = required(readName(parts.subject), 'subject');
  const issuer = required(readName(parts.issuer), 'issuer');
  const keyAlgorithm = required(readAlgorithm(parts.spkiAlgorithm), 'public key algorithm');
  const signatureAlgorithm = required(readAlgorithm(parts.signatureAlgorithm), 'signature algorithm');
  const notBefore = required(readTime(parts.notBefore.bytes, parts.notBefore.tlv), 'notBefore');
  const notAfter = required(readTime(parts.notAfter.bytes, parts.notAfter.tlv), 'notAfter');
  const publicKey = describePublicKey(keyAlgorithm, parts.publicKey);
  const extensions = readExtensions(parts.extensions);
  const selfIssued = sameBytes(parts.subject, parts.issuer) || sameName(subject, issuer);
  const [sha256, sha1, spkiSha256, selfSignatureValid] = await Promise.all([
    digestHex('SHA-256', der),
    digestHex('SHA-1', der),
    digestHex('SHA-256', parts.spki),
    selfIssued
      ? verifySignature({
          signatureOid: signatureAlgorithm.oid,
          signatureParams: signatureAlgorithm.params,
          spki: parts.spki,
          publicKey: parts.publicKey,
          curve: publicKey.curve,
          tbs: parts.tbs,
          signature: parts.signatureValue,
        })
      : Promise.resolve(null),
  ]);
  return {
    displayName: displayNameOf(subject),
    subject: formatName(subject),
    issuer: formatName(issuer),
    serialNumber: serialHex(parts.serial),
    version: parts.version,
    notBefore,
    notAfter,
    sha256,
    sha1,
    spkiSha256,
    publicKey,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[signatureAlgorithm.oid]?.name ?? signatureAlgorithm.oid,
    signatureAlgorithmOid: signatureAlgorithm.oid,
    ...extensions,
    selfIssued,
    selfSignatureValid,
    pem: derToPem(der, 'CERTIFICATE', base64OfDer),
  };
}
