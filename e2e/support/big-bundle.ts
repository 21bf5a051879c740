/**
 * A big paste made at test time: `count` distinct self-signed CA certificates (one EC P-256 key, a different
 * subject and serial each, so every SHA-256 differs), as one PEM text. Used by the big-paste e2e and bench.
 */
import '../../emulator/certs/reflect-polyfill';
import * as x509 from '@peculiar/x509';

const DAY = 86_400_000;

export async function bigBundle(count: number, namePrefix = 'Bulk CA'): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - DAY);
  const notAfter = new Date(Date.now() + 3650 * DAY);
  // Only basic constraints: small certificates, so that 4,000+ fit in the 2 MiB the editor accepts.
  const extensions = [new x509.BasicConstraintsExtension(true, undefined, true)];
  const pems: string[] = [];
  for (let index = 0; index < count; index++) {
    const subject = `CN=${namePrefix} ${String(index + 1).padStart(5, '0')}`;
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: (0x10000000 + index).toString(16),
      subject,
      issuer: subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions,
    });
    pems.push(certificate.toString('pem'));
  }
  return pems.join('\n') + '\n';
}

/** The same bundle across runs of one machine (making 4,000 certificates takes several seconds). */
export async function cachedBigBundle(count: number): Promise<string> {
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(tmpdir(), `aks-ca-trust-big-bundle-${count}.pem`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const text = await bigBundle(count);
  writeFileSync(file, text);
  return text;
}
