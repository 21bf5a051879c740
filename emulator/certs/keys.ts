/** Key pairs for certificates: generation, PEM export and re-import (WebCrypto, so @peculiar/x509 can sign). */
import { createPrivateKey, createPublicKey } from 'node:crypto';

export type KeyAlgorithm = 'RSA-2048' | 'EC-P256';

const subtle = globalThis.crypto.subtle;

export function signingAlgorithm(keyAlgorithm: KeyAlgorithm): RsaHashedImportParams | EcKeyImportParams {
  return keyAlgorithm === 'RSA-2048'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: 'P-256' };
}

/** The `signingAlgorithm` @peculiar/x509 needs for a key (ECDSA needs the hash spelled out). */
export function certificateSignature(keyAlgorithm: KeyAlgorithm): Algorithm | EcdsaParams {
  return keyAlgorithm === 'RSA-2048' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
}

export async function generateKeyPair(keyAlgorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  const params =
    keyAlgorithm === 'RSA-2048'
      ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  return (await subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export function toPem(der: ArrayBuffer | Uint8Array, label: string): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** PKCS#8 PEM ("PRIVATE KEY"), which Node's TLS, node:crypto and openssl all read. */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return toPem(await subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Re-imports a PKCS#8 or traditional PEM key written by this module (or openssl) as a WebCrypto key pair. */
export async function importKeyPairPem(keyPem: string): Promise<{ keys: CryptoKeyPair; keyAlgorithm: KeyAlgorithm }> {
  const keyObject = createPrivateKey(keyPem);
  if (keyObject.asymmetricKeyType !== 'rsa' && keyObject.asymmetricKeyType !== 'ec') {
    throw new Error(`unsupported key type ${keyObject.asymmetricKeyType ?? 'unknown'}`);
  }
  const keyAlgorithm: KeyAlgorithm = keyObject.asymmetricKeyType === 'rsa' ? 'RSA-2048' : 'EC-P256';
  const algorithm = signingAlgorithm(keyAlgorithm);
  const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
  const privateKey = await subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
  const spki = createPublicKey(keyObject).export({ type: 'spki', format: 'der' });
  const publicKey = await subtle.importKey('spki', spki, algorithm, true, ['verify']);
  return { keys: { privateKey, publicKey }, keyAlgorithm };
}
