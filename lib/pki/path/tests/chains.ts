/**
 * Certificate chains generated at test time with @peculiar/x509 on WebCrypto (nothing committed; private
 * keys stay in the test process). EC P-256 keys by default (fast); RSA where a case needs it.
 */
import '../../../../emulator/certs/reflect-polyfill';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export const DAY = 86_400_000;

export interface Issued {
  certificate: x509.X509Certificate;
  pem: string;
  keys: CryptoKeyPair;
  /** PKCS#8 PEM of the private key (for a TLS server in the Node comparison). */
  keyPem: string;
  subject: string;
}

export interface IssueOptions {
  subject: string;
  /** Omitted: self-signed. */
  issuer?: Issued;
  /** Reuse a key pair (cross-signing: the same CA key under two issuers). */
  keys?: CryptoKeyPair;
  ca?: boolean;
  pathLength?: number;
  /** Omit basicConstraints entirely. */
  noBasicConstraints?: boolean;
  keyUsage?: x509.KeyUsageFlags;
  eku?: string[];
  dns?: string[];
  ips?: string[];
  emails?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Signature hash used by the issuer. */
  hash?: 'SHA-256' | 'SHA-1' | 'SHA-384';
  rsaBits?: number;
  extraExtensions?: x509.Extension[];
}

const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

async function newKeys(rsaBits?: number): Promise<CryptoKeyPair> {
  if (rsaBits) {
    return globalThis.crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: rsaBits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
  }
  return globalThis.crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
}

/** WebCrypto RSA keys carry their hash, so an RSA signature with another hash needs the key imported again. */
async function signingKeyFor(keys: CryptoKeyPair, hash: string): Promise<{ key: CryptoKey; algorithm: Algorithm }> {
  if (keys.privateKey.algorithm.name === 'ECDSA')
    return { key: keys.privateKey, algorithm: { name: 'ECDSA', hash } as EcdsaParams };
  const pkcs8 = await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey);
  const key = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, false, [
    'sign',
  ]);
  return { key, algorithm: { name: 'RSASSA-PKCS1-v1_5', hash } as Algorithm };
}

function pemOfKey(pkcs8: ArrayBuffer): string {
  const base64 = Buffer.from(pkcs8).toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

let serial = 0x1000;

export async function issue(options: IssueOptions): Promise<Issued> {
  const keys = options.keys ?? (await newKeys(options.rsaBits));
  const ca = options.ca ?? true;
  const signer = options.issuer?.keys ?? keys;
  const { key, algorithm } = await signingKeyFor(signer, options.hash ?? 'SHA-256');
  const extensions: x509.Extension[] = [];
  if (!options.noBasicConstraints) extensions.push(new x509.BasicConstraintsExtension(ca, options.pathLength, true));
  const keyUsage =
    options.keyUsage ??
    (ca
      ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
      : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment);
  extensions.push(new x509.KeyUsagesExtension(keyUsage, true));
  if (options.eku) extensions.push(new x509.ExtendedKeyUsageExtension(options.eku, false));
  const names = [
    ...(options.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
    ...(options.emails ?? []).map((value) => ({ type: 'email' as const, value })),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(signer.publicKey));
  extensions.push(...(options.extraExtensions ?? []));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(8, '0'),
    subject: options.subject,
    issuer: options.issuer?.certificate.subject ?? options.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - 30 * DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: key,
    signingAlgorithm: algorithm,
    extensions,
  });
  const keyPem = pemOfKey(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certificate, pem: certificate.toString('pem') + '\n', keys, keyPem, subject: options.subject };
}

// --- a minimal DER writer for extensions @peculiar/x509 has no class for ---

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

export function der(tag: number, ...parts: (Uint8Array | number[])[]): Uint8Array {
  const body = parts.flatMap((part) => [...part]);
  return new Uint8Array([tag, ...length(body.length), ...body]);
}

const ascii = (text: string) => [...new TextEncoder().encode(text)];

export type Subtree = { dns: string } | { ip: string; mask: string } | { email: string };

function generalName(subtree: Subtree): Uint8Array {
  if ('dns' in subtree) return der(0x82, ascii(subtree.dns));
  if ('email' in subtree) return der(0x81, ascii(subtree.email));
  const bytes = (text: string) => text.split('.').map(Number);
  return der(0x87, [...bytes(subtree.ip), ...bytes(subtree.mask)]);
}

/** nameConstraints (2.5.29.30), critical as RFC 5280 requires. */
export function nameConstraints(permitted: Subtree[], excluded: Subtree[] = []): x509.Extension {
  const trees = (tag: number, list: Subtree[]) =>
    list.length === 0 ? [] : [...der(tag, ...list.map((subtree) => der(0x30, generalName(subtree))))];
  return new x509.Extension(
    '2.5.29.30',
    true,
    der(0x30, trees(0xa0, permitted), trees(0xa1, excluded)) as BufferSource,
  );
}

/** A critical extension nobody understands (a private OID, value NULL). */
export function unknownCriticalExtension(): x509.Extension {
  return new x509.Extension('1.3.6.1.4.1.55555.1.1', true, new Uint8Array([0x05, 0x00]));
}

export const EKU_SERVER = '1.3.6.1.5.5.7.3.1';
export const EKU_CLIENT = '1.3.6.1.5.5.7.3.2';
export const EKU_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
