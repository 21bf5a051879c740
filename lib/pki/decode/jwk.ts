import { encodeBase64 } from '../encoding';
import { readChildren, readTlv } from '../intake/der';

/*
 * Importing an RSA public key as JWK skips the DER decoder that an 'spki' import runs; in Node 20
 * (OpenSSL 3) that is about five times faster, which matters when a bundle holds 150 roots. EC keys are
 * the other way round (JWK import runs the full key check and is slower still): they are imported 'raw'
 * (verify.ts importVerifyKey).
 */

function base64url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unsignedInteger(bytes: Uint8Array, start: number, end: number): Uint8Array {
  while (start < end - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start, end);
}

function rsaJwk(publicKey: Uint8Array): JsonWebKey | null {
  const outer = readTlv(publicKey, 0);
  const parts = outer ? readChildren(publicKey, outer) : null;
  const [modulus, exponent] = parts ?? [];
  if (!modulus || !exponent || modulus.tag !== 0x02 || exponent.tag !== 0x02) return null;
  return {
    kty: 'RSA',
    n: base64url(unsignedInteger(publicKey, modulus.contentStart, modulus.end)),
    e: base64url(unsignedInteger(publicKey, exponent.contentStart, exponent.end)),
  };
}

export function toJwk(
  algorithm: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams,
  publicKey: Uint8Array,
): JsonWebKey | null {
  const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
  if (name === 'RSASSA-PKCS1-v1_5' || name === 'RSA-PSS') return rsaJwk(publicKey);
  if (name === 'Ed25519' && publicKey.length === 32) return { kty: 'OKP', crv: 'Ed25519', x: base64url(publicKey) };
  return null;
}
