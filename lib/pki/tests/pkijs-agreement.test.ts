import { existsSync, readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENDED_KEY_USAGES, KEY_USAGE_BITS } from '../decode/oids';
import { decodeBase64, toHex } from '../encoding';
import type { CertificateInfo } from '../types';
import { loadFixtures } from './fixtures';
import { read } from './helpers';

/*
 * lib/pki decodes certificates with its own small DER reader, because parsing every certificate with
 * pkijs costs about four times Node's whole X509Certificate baseline. This test keeps the two honest:
 * for every certificate of Debian's bundle and of the generated fixtures, pkijs must read the same fields.
 */

const DEBIAN = '/etc/ssl/certs/ca-certificates.crt';
const FIXTURES = [
  'rsa-root',
  'ec-root',
  'ed25519-root',
  'intermediate',
  'leaf',
  'constrained-root',
  'v1-root',
  'dsa-root',
  'k1-root',
  'noncritical-bc-root',
  'sha1-intermediate',
  'md5-root',
  'expired-root',
  'future-root',
];

let certificates: CertificateInfo[] = [];

beforeAll(async () => {
  const fx = await loadFixtures();
  const inputs = FIXTURES.map((name) => ({ name, content: fx.text(`${name}.pem`) }));
  if (existsSync(DEBIAN)) inputs.push({ name: DEBIAN, content: readFileSync(DEBIAN, 'utf8') });
  certificates = (await read(inputs)).certificates;
});

function derOf(certificate: CertificateInfo): Uint8Array<ArrayBuffer> {
  return decodeBase64(certificate.pem.replace(/-----[^-]+-----|\n/g, ''))!;
}

function extension<T>(certificate: pkijs.Certificate, oid: string): T | undefined {
  return certificate.extensions?.find((item) => item.extnID === oid)?.parsedValue as T | undefined;
}

function stringValues(name: pkijs.RelativeDistinguishedNames): string[] {
  return name.typesAndValues
    .map((attribute) => (attribute.value as { valueBlock: { value: unknown } }).valueBlock.value)
    .filter((value): value is string => typeof value === 'string');
}

describe('our DER reader agrees with pkijs', () => {
  it('on every field it shows', () => {
    expect(certificates.length).toBeGreaterThan(FIXTURES.length - 1);
    for (const ours of certificates) {
      const theirs = pkijs.Certificate.fromBER(derOf(ours));
      const label = `${ours.displayName} (${ours.source.file})`;
      expect(ours.version, label).toBe(theirs.version + 1);
      expect(BigInt(`0x${ours.serialNumber}`), label).toBe(
        BigInt(`0x${toHex(theirs.serialNumber.valueBlock.valueHexView) || '0'}`),
      );
      expect(ours.notBefore, label).toBe(theirs.notBefore.value.toISOString());
      expect(ours.notAfter, label).toBe(theirs.notAfter.value.toISOString());
      expect(ours.signatureAlgorithmOid, label).toBe(theirs.signatureAlgorithm.algorithmId);
      for (const value of stringValues(theirs.subject))
        expect(ours.subject, label).toContain(value.replace(/([,+"\\<>;])/g, '\\$1').trim());
      for (const value of stringValues(theirs.issuer))
        expect(ours.issuer, label).toContain(value.replace(/([,+"\\<>;])/g, '\\$1').trim());

      const basic = extension<pkijs.BasicConstraints>(theirs, '2.5.29.19');
      expect(ours.basicConstraints.present, label).toBe(basic !== undefined);
      expect(ours.basicConstraints.cA, label).toBe(basic?.cA === true);
      const pathLength = basic?.pathLenConstraint;
      expect(ours.basicConstraints.pathLength, label).toBe(
        pathLength === undefined ? null : typeof pathLength === 'number' ? pathLength : pathLength.valueBlock.valueDec,
      );

      const keyUsage = extension<asn1js.BitString>(theirs, '2.5.29.15');
      const bits = keyUsage?.valueBlock.valueHexView ?? new Uint8Array();
      expect(ours.keyUsage, label).toEqual(
        KEY_USAGE_BITS.filter((_, bit) => ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0),
      );

      const ski = extension<asn1js.OctetString>(theirs, '2.5.29.14');
      expect(ours.subjectKeyIdentifier, label).toBe(ski ? toHex(ski.valueBlock.valueHexView) : null);
      const aki = extension<pkijs.AuthorityKeyIdentifier>(theirs, '2.5.29.35')?.keyIdentifier;
      expect(ours.authorityKeyIdentifier, label).toBe(aki ? toHex(aki.valueBlock.valueHexView) : null);
      const eku = extension<pkijs.ExtKeyUsage>(theirs, '2.5.29.37')?.keyPurposes ?? [];
      expect(ours.extendedKeyUsage, label).toEqual(eku.map((oid) => EXTENDED_KEY_USAGES[oid] ?? oid));
      expect(ours.nameConstraints !== null, label).toBe(extension(theirs, '2.5.29.30') !== undefined);
    }
  });

  it('on whether RSA and ECDSA self-signatures verify', async () => {
    let compared = 0;
    for (const ours of certificates.filter(
      (certificate) =>
        certificate.selfIssued &&
        certificate.selfSignatureValid !== null &&
        /RSA|ecdsa/.test(certificate.signatureAlgorithm) &&
        !/md5|Pss/i.test(certificate.signatureAlgorithm),
    )) {
      const theirs = pkijs.Certificate.fromBER(derOf(ours));
      expect(ours.selfSignatureValid, ours.displayName).toBe(await theirs.verify());
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });
});
