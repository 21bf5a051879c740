/**
 * Certificate helpers over @peculiar/x509: a certificate authority and certificates it issues, with arbitrary
 * validity (expired and soon-expiring seeds included), SANs and key usage. Results carry PEM text and the key.
 */
import './reflect-polyfill';
import { randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import {
  certificateSignature,
  exportPrivateKeyPem,
  generateKeyPair,
  importKeyPairPem,
  type KeyAlgorithm,
} from './keys';

x509.cryptoProvider.set(globalThis.crypto);

export type { KeyAlgorithm } from './keys';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

export type ExtendedKeyUsageName = 'serverAuth' | 'clientAuth' | 'codeSigning' | 'emailProtection';

export interface CertificateOptions {
  /** Distinguished name, e.g. `CN=Contoso Root CA, O=Contoso, C=US`. */
  subject: string;
  /** Defaults to now minus one minute. */
  notBefore?: Date;
  /** Defaults to one year after notBefore (ten years for a CA). */
  notAfter?: Date;
  isCA?: boolean;
  /** CA only: basicConstraints pathLenConstraint. */
  pathLength?: number;
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Defaults: CA → keyCertSign + cRLSign + digitalSignature; leaf → digitalSignature + keyEncipherment (RSA). */
  keyUsages?: KeyUsageName[];
  /** Defaults: none for a CA, serverAuth for a leaf with DNS/IP SANs. */
  extendedKeyUsages?: ExtendedKeyUsageName[];
  keyAlgorithm?: KeyAlgorithm;
  /** Hex serial; random positive 16 bytes by default. */
  serialNumber?: string;
}

export interface IssuedCertificate {
  certPem: string;
  /** PKCS#8 PEM. Store with mode 0600. */
  keyPem: string;
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  keyAlgorithm: KeyAlgorithm;
}

/** An issuer: a CA made here or loaded from PEM files. */
export type CertificateAuthority = IssuedCertificate;

const DAY_MS = 24 * 60 * 60 * 1000;
const EXTENDED_KEY_USAGE_OIDS: Record<ExtendedKeyUsageName, string> = {
  serverAuth: x509.ExtendedKeyUsage.serverAuth,
  clientAuth: x509.ExtendedKeyUsage.clientAuth,
  codeSigning: x509.ExtendedKeyUsage.codeSigning,
  emailProtection: x509.ExtendedKeyUsage.emailProtection,
};

function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10; // positive, no leading zero byte
  return bytes.toString('hex');
}

function keyUsageFlags(names: KeyUsageName[]): x509.KeyUsageFlags {
  return names.reduce((flags, name) => flags | x509.KeyUsageFlags[name], 0 as x509.KeyUsageFlags);
}

function defaultKeyUsages(options: CertificateOptions, keyAlgorithm: KeyAlgorithm): KeyUsageName[] {
  if (options.isCA) return ['keyCertSign', 'cRLSign', 'digitalSignature'];
  return keyAlgorithm === 'RSA-2048' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'];
}

async function buildExtensions(
  options: CertificateOptions,
  keyAlgorithm: KeyAlgorithm,
  publicKey: CryptoKey,
  issuer: CertificateAuthority | undefined,
): Promise<x509.Extension[]> {
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(Boolean(options.isCA), options.isCA ? options.pathLength : undefined, true),
    new x509.KeyUsagesExtension(keyUsageFlags(options.keyUsages ?? defaultKeyUsages(options, keyAlgorithm)), true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey));
  const names: x509.JsonGeneralName[] = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
  const extendedKeyUsages = options.extendedKeyUsages ?? (!options.isCA && names.length > 0 ? ['serverAuth'] : []);
  if (extendedKeyUsages.length > 0) {
    extensions.push(
      new x509.ExtendedKeyUsageExtension(
        extendedKeyUsages.map((n) => EXTENDED_KEY_USAGE_OIDS[n]),
        false,
      ),
    );
  }
  return extensions;
}

/**
 * Issues a certificate signed by `issuer`, or self-signed when `issuer` is omitted. Any validity is accepted,
 * including one entirely in the past (an expired certificate) or the future.
 */
export async function issueCertificate(
  options: CertificateOptions,
  issuer?: CertificateAuthority,
): Promise<IssuedCertificate> {
  const keyAlgorithm = options.keyAlgorithm ?? 'EC-P256';
  const keys = await generateKeyPair(keyAlgorithm);
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + (options.isCA ? 3650 : 365) * DAY_MS);
  if (notAfter.getTime() <= notBefore.getTime()) throw new Error('notAfter must be after notBefore');
  const extensions = await buildExtensions(options, keyAlgorithm, keys.publicKey, issuer);
  const signer = issuer ?? { keys, keyAlgorithm };
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: options.serialNumber ?? randomSerial(),
    subject: options.subject,
    issuer: issuer ? issuer.certificate.subject : options.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: signer.keys.privateKey,
    signingAlgorithm: certificateSignature(signer.keyAlgorithm),
    extensions,
  });
  return {
    certPem: certificate.toString('pem') + '\n',
    keyPem: await exportPrivateKeyPem(keys.privateKey),
    certificate,
    keys,
    keyAlgorithm,
  };
}

/** A self-signed root CA (ten years by default). */
export async function createCertificateAuthority(
  options: Partial<CertificateOptions> = {},
): Promise<CertificateAuthority> {
  return issueCertificate({ subject: 'CN=aks-ca-trust emulator local CA, O=aks-ca-trust', ...options, isCA: true });
}

/** Rebuilds a CA (or any certificate with its key) from PEM text, e.g. files written on an earlier run. */
export async function loadCertificateAuthority(certPem: string, keyPem: string): Promise<CertificateAuthority> {
  const certificate = new x509.X509Certificate(certPem);
  const { keys, keyAlgorithm } = await importKeyPairPem(keyPem);
  return { certPem, keyPem, certificate, keys, keyAlgorithm };
}

export function parseCertificate(certPem: string): x509.X509Certificate {
  return new x509.X509Certificate(certPem);
}
