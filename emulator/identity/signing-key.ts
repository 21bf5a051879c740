/**
 * The emulator's token signing key: RSA 2048 for RS256, generated once into the data dir (mode 0600) and reused,
 * so tokens stay valid across restarts. `kid` is the RFC 7638 thumbprint of the public key: stable for the key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import { writePrivateFile } from '../certs/files';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK with kid, use and alg, as served from the keys endpoint. */
  publicJwk: JWK;
}

export const SIGNING_KEY_FILE = 'signing-key.pem';

function readKey(file: string): KeyObject | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const key = createPrivateKey(readFileSync(file, 'utf8'));
    return key.asymmetricKeyType === 'rsa' ? key : undefined;
  } catch {
    return undefined;
  }
}

export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = join(resolve(dataDir), SIGNING_KEY_FILE);
  let privateKey = readKey(file);
  if (!privateKey) {
    privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    writePrivateFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } };
}
