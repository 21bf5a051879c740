import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateInfo } from '../types';
import { loadFixtures, opensslOn, type Fixtures } from './fixtures';
import { read } from './helpers';

let fx: Fixtures;
const certificates: Record<string, CertificateInfo> = {};
const NAMES = [
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
  'tampered-root',
  'sha1-root',
  'md5-root',
  'pss-root',
];

beforeAll(async () => {
  fx = await loadFixtures();
  for (const name of NAMES) {
    const result = await read({ name, content: fx.text(`${name}.pem`) });
    certificates[name] = result.certificates[0]!;
  }
});

function opensslField(name: string, args: string[]): string {
  return opensslOn(fx, ['x509', '-in', `${name}.pem`, '-noout', ...args]).trim();
}

const hexOf = (fingerprint: string) => fingerprint.split('=')[1]!.replace(/:/g, '').toLowerCase();

describe('decode matches openssl', () => {
  it.each(NAMES)('%s: fingerprints, SPKI hash, serial and dates', (name) => {
    const certificate = certificates[name]!;
    expect(certificate.sha256).toBe(hexOf(opensslField(name, ['-fingerprint', '-sha256'])));
    expect(certificate.sha1).toBe(hexOf(opensslField(name, ['-fingerprint', '-sha1'])));
    const spki = opensslOn(fx, ['x509', '-in', `${name}.pem`, '-noout', '-pubkey']);
    const spkiDer = Buffer.from(spki.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(certificate.spkiSha256).toBe(createHash('sha256').update(spkiDer).digest('hex'));
    expect(BigInt(`0x${certificate.serialNumber}`)).toBe(BigInt(`0x${opensslField(name, ['-serial']).split('=')[1]}`));
    expect(new Date(certificate.notAfter).getTime()).toBe(
      new Date(opensslField(name, ['-enddate']).split('=')[1]!).getTime(),
    );
  });
});

describe('decoded fields', () => {
  it('RSA root: names, key, CA flags, key identifiers', () => {
    const root = certificates['rsa-root']!;
    expect(root).toMatchObject({
      displayName: 'Contoso RSA Root',
      subject: 'CN=Contoso RSA Root, O=Contoso, C=NL',
      issuer: 'CN=Contoso RSA Root, O=Contoso, C=NL',
      version: 3,
      publicKey: { algorithm: 'RSA', size: 2048 },
      signatureAlgorithm: 'sha256WithRSAEncryption',
      basicConstraints: { present: true, critical: true, cA: true, pathLength: null },
      keyUsage: ['keyCertSign', 'cRLSign'],
      keyUsageCritical: true,
      selfIssued: true,
      selfSignatureValid: true,
    });
    expect(root.subjectKeyIdentifier).toMatch(/^[0-9a-f]{40}$/);
  });

  it('EC P-384 and Ed25519 roots verify their own signatures', () => {
    expect(certificates['ec-root']).toMatchObject({
      publicKey: { algorithm: 'EC', curve: 'P-384', size: 384 },
      signatureAlgorithm: 'ecdsa-with-SHA256',
      selfSignatureValid: true,
    });
    expect(certificates['ed25519-root']).toMatchObject({
      publicKey: { algorithm: 'Ed25519' },
      signatureAlgorithm: 'Ed25519',
      selfSignatureValid: true,
    });
    expect(certificates['sha1-root']!.selfSignatureValid).toBe(true);
    expect(certificates['pss-root']).toMatchObject({ signatureAlgorithm: 'rsassaPss', selfSignatureValid: true });
  });

  it('intermediate and leaf: path length, EKU, AKI links to the issuer SKI', () => {
    const intermediate = certificates['intermediate']!;
    expect(intermediate).toMatchObject({
      basicConstraints: { cA: true, pathLength: 0 },
      extendedKeyUsage: ['serverAuth', 'clientAuth'],
      selfIssued: false,
      selfSignatureValid: null,
    });
    expect(intermediate.authorityKeyIdentifier).toBe(certificates['rsa-root']!.subjectKeyIdentifier);
    expect(intermediate.issuer).toBe(certificates['rsa-root']!.subject);
    expect(certificates['leaf']).toMatchObject({
      basicConstraints: { cA: false },
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: ['serverAuth'],
      displayName: 'api.contoso.example',
    });
  });

  it('name constraints, v1, DSA, secp256k1, non-critical basicConstraints, MD5, tampered signature', () => {
    expect(certificates['constrained-root']!.nameConstraints).toEqual({
      critical: true,
      permitted: ['DNS:.contoso.example', 'IP:10.0.0.0/8'],
      excluded: ['email:.evil.example'],
    });
    expect(certificates['v1-root']).toMatchObject({
      version: 1,
      basicConstraints: { present: false },
      keyUsageCritical: null,
      selfSignatureValid: true,
    });
    expect(certificates['dsa-root']!.publicKey).toEqual({ algorithm: 'DSA', size: 1024 });
    expect(certificates['dsa-root']!.selfSignatureValid).toBeNull();
    expect(certificates['k1-root']!.publicKey).toEqual({ algorithm: 'EC', curve: 'secp256k1', size: 256 });
    expect(certificates['noncritical-bc-root']!.basicConstraints).toEqual({
      present: true,
      critical: false,
      cA: true,
      pathLength: 3,
    });
    expect(certificates['md5-root']).toMatchObject({
      signatureAlgorithm: 'md5WithRSAEncryption',
      selfSignatureValid: null,
    });
    expect(certificates['tampered-root']!.selfSignatureValid).toBe(false);
  });

  it('results are plain data that survive structured cloning and JSON', () => {
    for (const certificate of Object.values(certificates)) {
      expect(structuredClone(certificate)).toEqual(certificate);
      expect(JSON.parse(JSON.stringify(certificate))).toEqual(certificate);
    }
  });
});
