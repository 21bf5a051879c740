import type { Tlv } from '../intake/der';
import type { CheckedAlgorithm } from './strict';
import { checkInteger, checkOid, contentOf, expectTag, fail, strictChildren, strictTlv } from './strict-der';

/** The public key checks Go's parsePublicKey makes for the algorithms it knows; others are read as they are. */

const RSA = '2a864886f70d010101';
const RSA_PSS = '2a864886f70d01010a';
const ED448 = '2b6571';
const EC = '2a8648ce3d0201';
const DSA = '2a8648ce380401';
const ED25519 = '2b6570';
const X25519 = '2b656e';

/** Weierstrass curves with a = -3: p, b; coordinates are ceil(bits / 8) bytes. */
const CURVES: Record<string, { bytes: number; p?: bigint; b?: bigint }> = {
  '2a8648ce3d030107': {
    bytes: 32,
    p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  '2b81040022': {
    bytes: 48,
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  '2b81040023': {
    bytes: 66,
    p: 2n ** 521n - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
  '2b81040021': { bytes: 28 }, // P-224: length and form only
};

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${hex(bytes)}`);
}

function mod(value: bigint, p: bigint): bigint {
  const result = value % p;
  return result < 0n ? result + p : result;
}

function checkEcPoint(curveOid: string, point: Uint8Array): void {
  const curve = CURVES[curveOid];
  if (!curve) return; // unknown curves are the ec-curve-not-allowed lint's business
  if (point.length !== 1 + 2 * curve.bytes || point[0] !== 0x04) fail('the EC public key is not an uncompressed point');
  if (!curve.p || !curve.b) return;
  const x = toBigInt(point.subarray(1, 1 + curve.bytes));
  const y = toBigInt(point.subarray(1 + curve.bytes));
  const p = curve.p;
  if (x >= p || y >= p || mod(y * y - (x * x * x - 3n * x + curve.b), p) !== 0n)
    fail('the EC public key is not on its curve');
}

function positiveIntegers(bytes: Uint8Array, tlvs: (Tlv | undefined)[], what: string): void {
  for (const tlv of tlvs)
    if (checkInteger(bytes, expectTag(tlv, 0x02, what), what) <= 0) fail(`${what} is not positive`);
}

export function checkPublicKey(der: Uint8Array, algorithm: CheckedAlgorithm, key: Uint8Array): void {
  const oid = hex(algorithm.oid);
  const params = algorithm.params;
  switch (oid) {
    case RSA:
    case RSA_PSS: {
      if (oid === RSA && (!params || params.tag !== 0x05 || params.end !== params.contentStart))
        fail('the RSA key has no NULL parameters');
      const outer = strictTlv(key, 0, key.length, 'the RSA public key');
      const [modulus, exponent] = strictChildren(
        key,
        expectTag(outer, 0x30, 'the RSA public key'),
        'the RSA public key',
      );
      positiveIntegers(key, [modulus, exponent], 'the RSA public key');
      if (exponent!.end - exponent!.contentStart > 8) fail('the RSA public exponent is too large');
      return;
    }
    case EC: {
      if (!params) fail('the EC key has no curve');
      checkOid(der, params, 'the EC curve');
      return checkEcPoint(hex(contentOf(der, params)), key);
    }
    case ED25519:
    case X25519:
      if (params) fail('the Ed25519/X25519 key has parameters');
      if (key.length !== 32) fail('the Ed25519/X25519 key is not 32 bytes');
      return;
    case ED448:
      if (params || key.length !== 57) fail('the Ed448 key is malformed');
      return;
    case DSA: {
      if (!params) fail('the DSA key has no parameters');
      positiveIntegers(
        der,
        strictChildren(der, expectTag(params, 0x30, 'the DSA parameters'), 'the DSA parameters').slice(0, 3),
        'the DSA parameters',
      );
      if (strictChildren(der, params, 'the DSA parameters').length < 3) fail('the DSA parameters are incomplete');
      positiveIntegers(key, [strictTlv(key, 0, key.length, 'the DSA public key')], 'the DSA public key');
      return;
    }
  }
}
