import type { Tlv } from '../intake/der';
import {
  checkBitString,
  checkBoolean,
  checkInteger,
  checkOid,
  contentOf,
  expectTag,
  fail,
  smallIntegerValue,
  strictChildren,
  strictTlv,
  walkConstructed,
} from './strict-der';
import { checkStrictExtension } from './strict-extensions';
import { checkPublicKey } from './strict-public-key';
import { checkAttributeValue, checkTime } from './strict-values';

/**
 * Refuses what Go's crypto/x509 ParseCertificate refuses (the parser on the nodes that use the bundle), and the
 * string encodings OpenSSL behind Node's X509Certificate refuses, before any field is shown. Throws
 * MalformedCertificateError with a fixed reason. Stricter than Go in two places, like OpenSSL: no fields after
 * the ones X.509 defines (in the certificate, tbsCertificate, validity, AlgorithmIdentifier and Extension).
 * Negative serial numbers are refused (Go 1.23+ refuses them unless GODEBUG=x509negativeserial=1).
 */
export function checkCertificateStrictly(der: Uint8Array): void {
  const outer = strictTlv(der, 0, der.length, 'the certificate');
  if (outer.tag !== 0x30) fail('the certificate is not a SEQUENCE');
  if (outer.end !== der.length) fail('there is data after the certificate');
  walkConstructed(der, outer, 'the certificate');
  const [tbs, signatureAlgorithm, signature, ...extra] = strictChildren(der, outer, 'the certificate');
  if (extra.length > 0) fail('the certificate has fields after its signature');
  const fields = strictChildren(der, expectTag(tbs, 0x30, 'tbsCertificate'), 'tbsCertificate');
  const outerAlgorithm = expectTag(signatureAlgorithm, 0x30, 'the signature algorithm');
  checkBitString(der, expectTag(signature, 0x03, 'the signature'), 'the signature');

  let next = 0;
  let version = 1;
  if (fields[0]?.tag === 0xa0) {
    const inner = strictChildren(der, fields[0], 'the version');
    if (inner.length !== 1) fail('the version is malformed');
    checkInteger(der, expectTag(inner[0], 0x02, 'the version'), 'the version');
    const value = smallIntegerValue(der, inner[0]!);
    if (value === null || value < 0 || value > 2) fail('the version is not 1, 2 or 3');
    version = value + 1;
    next = 1;
  }
  const serial = expectTag(fields[next], 0x02, 'the serial number');
  if (checkInteger(der, serial, 'the serial number') < 0) fail('the serial number is negative');
  const innerAlgorithm = expectTag(fields[next + 1], 0x30, 'the signature algorithm');
  if (!sameContent(der, innerAlgorithm, outerAlgorithm)) fail('the inner and outer signature algorithms differ');
  checkAlgorithm(der, innerAlgorithm, 'the signature algorithm');
  checkName(der, expectTag(fields[next + 2], 0x30, 'the issuer'), 'the issuer');
  const validity = strictChildren(der, expectTag(fields[next + 3], 0x30, 'the validity'), 'the validity');
  if (validity.length !== 2) fail('the validity does not hold exactly two times');
  checkTime(der, validity[0]!, 'notBefore');
  checkTime(der, validity[1]!, 'notAfter');
  checkName(der, expectTag(fields[next + 4], 0x30, 'the subject'), 'the subject');
  const spki = strictChildren(der, expectTag(fields[next + 5], 0x30, 'the public key info'), 'the public key info');
  if (spki.length !== 2) fail('the public key info is malformed');
  const keyAlgorithm = checkAlgorithm(
    der,
    expectTag(spki[0], 0x30, 'the public key algorithm'),
    'the public key algorithm',
  );
  const key = checkBitString(der, expectTag(spki[1], 0x03, 'the public key'), 'the public key');
  checkPublicKey(der, keyAlgorithm, key);

  let rest = fields.slice(next + 6);
  for (const tag of [0x81, 0x82]) if (rest[0]?.tag === tag) rest = rest.slice(1);
  if (rest[0]?.tag === 0xa3) {
    if (version === 3) checkExtensions(der, rest[0]);
    rest = rest.slice(1);
  }
  if (rest.length > 0) fail('tbsCertificate has fields X.509 does not define');
}

function sameContent(der: Uint8Array, a: Tlv, b: Tlv): boolean {
  if (a.end - a.contentStart !== b.end - b.contentStart) return false;
  for (let i = 0; i < a.end - a.contentStart; i++)
    if (der[a.contentStart + i] !== der[b.contentStart + i]) return false;
  return true;
}

export interface CheckedAlgorithm {
  oid: Uint8Array;
  /** The parameters TLV, absent when there are none. */
  params?: Tlv;
}

function checkAlgorithm(der: Uint8Array, tlv: Tlv, what: string): CheckedAlgorithm {
  const parts = strictChildren(der, tlv, what);
  if (parts.length === 0 || parts.length > 2) fail(`${what} is malformed`);
  checkOid(der, parts[0]!, what);
  return { oid: contentOf(der, parts[0]!), params: parts[1] };
}

/** Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }, every value checked. */
export function checkName(der: Uint8Array, name: Tlv, what: string): void {
  for (const set of strictChildren(der, name, what)) {
    expectTag(set, 0x31, what);
    for (const attribute of strictChildren(der, set, what)) {
      const pair = strictChildren(der, expectTag(attribute, 0x30, what), what);
      if (pair.length !== 2) fail(`${what} has a malformed attribute`);
      checkOid(der, pair[0]!, what);
      checkAttributeValue(der, pair[1]!, what);
    }
  }
}

function checkExtensions(der: Uint8Array, wrapper: Tlv): void {
  const inner = strictChildren(der, wrapper, 'the extensions');
  if (inner.length !== 1) fail('the extensions are malformed');
  const seen = new Set<string>();
  for (const extension of strictChildren(der, expectTag(inner[0], 0x30, 'the extensions'), 'the extensions')) {
    const parts = strictChildren(der, expectTag(extension, 0x30, 'an extension'), 'an extension');
    checkOid(der, expectTag(parts[0], 0x06, 'an extension id'), 'an extension id');
    let index = 1;
    let critical = false;
    if (parts[1]?.tag === 0x01) {
      critical = checkBoolean(der, parts[1], 'an extension critical flag');
      index = 2;
    }
    const value = expectTag(parts[index], 0x04, 'an extension value');
    if (parts.length > index + 1) fail('an extension has fields after its value');
    const key = String.fromCharCode(...contentOf(der, parts[0]!));
    if (seen.has(key)) fail('an extension appears twice');
    seen.add(key);
    checkStrictExtension(contentOf(der, parts[0]!), critical, contentOf(der, value));
  }
}
