/**
 * The certificate ARM signs operation URLs with (`c` and `s` of an Azure-AsyncOperation URL, azure-facts §13).
 * Real ARM uses `CN=asyncoperationsigningcertificate.management.azure.com`, ~2.2 KB of DER, valid ~6 months. The
 * emulator makes its own RSA-2048 one of about the same size (the CRL and AIA URLs are what make the real one big),
 * kept next to the TLS material in the data dir, or in memory when there is none.
 */
import '../../certs/reflect-polyfill';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { writePrivateFile, writePublicFile } from '../../certs';
import { exportPrivateKeyPem, generateKeyPair } from '../../certs/keys';

x509.cryptoProvider.set(globalThis.crypto);

export interface OperationSigning {
  /** DER of the signing certificate. */
  certDer: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_DAYS = 180;
const RENEW_BEFORE_MS = 7 * DAY_MS;
/** The recorded certificate is 2,213 bytes of DER; below this the URL would be shorter than real ones. */
export const MIN_CERT_DER_BYTES = 2_200;
const SUBJECT = 'CN=asyncoperationsigningcertificate.management.azure.com.emulator.invalid';
const ISSUER_CA = 'aks-ca-trust emulator Infra CA 03';

function distributionUrls(kind: 'crl' | 'aia', count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `http://${kind}${i + 1}.emulator.invalid/pkiinfra/${kind}/${encodeURIComponent(ISSUER_CA)}(1).${kind === 'crl' ? 'crl' : 'crt'}`,
  );
}

async function create(): Promise<{ certPem: string; keyPem: string }> {
  const keys = await generateKeyPair('RSA-2048');
  const notBefore = new Date(Date.now() - 60_000);
  for (let urls = 5; ; urls += 1) {
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '16' + Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(18))).toString('hex'),
      name: SUBJECT,
      notBefore,
      notAfter: new Date(notBefore.getTime() + VALIDITY_DAYS * DAY_MS),
      keys,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth], false),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        new x509.CRLDistributionPointsExtension(distributionUrls('crl', urls)),
        new x509.AuthorityInfoAccessExtension({ caIssuers: distributionUrls('aia', urls) }),
      ],
    });
    if (certificate.rawData.byteLength >= MIN_CERT_DER_BYTES) {
      return { certPem: certificate.toString('pem') + '\n', keyPem: await exportPrivateKeyPem(keys.privateKey) };
    }
  }
}

function fromPem(certPem: string, keyPem: string): OperationSigning {
  const certificate = new x509.X509Certificate(certPem);
  const privateKey = createPrivateKey(keyPem);
  return { certDer: Buffer.from(certificate.rawData), privateKey, publicKey: createPublicKey(privateKey) };
}

function usable(certPem: string): boolean {
  const certificate = new x509.X509Certificate(certPem);
  return (
    certificate.notAfter.getTime() - Date.now() > RENEW_BEFORE_MS &&
    certificate.rawData.byteLength >= MIN_CERT_DER_BYTES
  );
}

/** Loads the signing certificate from `dataDir` (creating or renewing it), or makes one in memory. */
export async function loadOrCreateOperationSigning(dataDir?: string): Promise<OperationSigning> {
  if (!dataDir) {
    const made = await create();
    return fromPem(made.certPem, made.keyPem);
  }
  const certFile = join(dataDir, 'operation-signing.pem');
  const keyFile = join(dataDir, 'operation-signing-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    try {
      const certPem = readFileSync(certFile, 'utf8');
      if (usable(certPem)) return fromPem(certPem, readFileSync(keyFile, 'utf8'));
    } catch {
      // unreadable: make a new one below
    }
  }
  const made = await create();
  writePrivateFile(keyFile, made.keyPem);
  writePublicFile(certFile, made.certPem);
  return fromPem(made.certPem, made.keyPem);
}
