/**
 * The emulator's TLS material: a local CA and a server certificate for localhost, 127.0.0.1 and ::1, kept in the
 * data dir (default `.emulator/` at the repo root) and reused across runs. The server certificate is reissued when
 * it is missing, expires within a week, is not signed by the current CA, or lacks a required SAN.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createCertificateAuthority,
  issueCertificate,
  loadCertificateAuthority,
  parseCertificate,
  writePrivateFile,
  writePublicFile,
  type CertificateAuthority,
} from './certs';

export interface TlsMaterial {
  /** The local CA certificate, PEM. Trust it with NODE_EXTRA_CA_CERTS or an https Agent's `ca`. */
  caPem: string;
  /** Absolute path of ca.pem. */
  caFile: string;
  /** Server certificate chain (leaf, then CA), PEM. */
  certPem: string;
  /** Server private key, PEM. */
  keyPem: string;
  /** Whether anything was generated on this call (first run or renewal). */
  generated: { ca: boolean; server: boolean };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RENEW_BEFORE_MS = 7 * DAY_MS;
const SERVER_VALIDITY_DAYS = 397;
const SERVER_DNS_NAMES = ['localhost'];
const SERVER_IPS = ['127.0.0.1', '::1'];

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.emulator');

export function tlsPaths(dataDir: string) {
  const dir = resolve(dataDir);
  return {
    caFile: join(dir, 'ca.pem'),
    caKeyFile: join(dir, 'ca-key.pem'),
    serverCertFile: join(dir, 'server.pem'),
    serverKeyFile: join(dir, 'server-key.pem'),
  };
}

async function loadOrCreateCa(
  caFile: string,
  caKeyFile: string,
): Promise<{ ca: CertificateAuthority; created: boolean }> {
  if (existsSync(caFile) && existsSync(caKeyFile)) {
    try {
      const ca = await loadCertificateAuthority(readFileSync(caFile, 'utf8'), readFileSync(caKeyFile, 'utf8'));
      if (ca.certificate.notAfter.getTime() - Date.now() > RENEW_BEFORE_MS) return { ca, created: false };
    } catch {
      // unreadable or corrupt: make a new one below
    }
  }
  const ca = await createCertificateAuthority({
    subject: 'CN=aks-ca-trust emulator local CA, O=aks-ca-trust emulator',
  });
  writePrivateFile(caKeyFile, ca.keyPem);
  writePublicFile(caFile, ca.certPem);
  return { ca, created: true };
}

async function serverCertificateIsUsable(
  certFile: string,
  keyFile: string,
  ca: CertificateAuthority,
): Promise<boolean> {
  if (!existsSync(certFile) || !existsSync(keyFile)) return false;
  try {
    const leaf = parseCertificate(readFileSync(certFile, 'utf8'));
    if (leaf.notAfter.getTime() - Date.now() < RENEW_BEFORE_MS || leaf.notBefore.getTime() > Date.now()) return false;
    if (!(await leaf.verify({ publicKey: ca.keys.publicKey, signatureOnly: true }))) return false;
    const sans = leaf.getExtension('2.5.29.17')?.toString('text') ?? '';
    return SERVER_DNS_NAMES.every((n) => sans.includes(n)) && SERVER_IPS.every((ip) => sans.includes(ip));
  } catch {
    return false;
  }
}

/** Loads the CA and server certificate from `dataDir`, creating or renewing them as needed. */
export async function ensureTlsMaterial(dataDir: string = DEFAULT_DATA_DIR): Promise<TlsMaterial> {
  const paths = tlsPaths(dataDir);
  const { ca, created } = await loadOrCreateCa(paths.caFile, paths.caKeyFile);
  let serverCreated = false;
  if (created || !(await serverCertificateIsUsable(paths.serverCertFile, paths.serverKeyFile, ca))) {
    const server = await issueCertificate(
      {
        subject: 'CN=localhost, O=aks-ca-trust emulator',
        notAfter: new Date(Date.now() + SERVER_VALIDITY_DAYS * DAY_MS),
        dnsNames: SERVER_DNS_NAMES,
        ipAddresses: SERVER_IPS,
        extendedKeyUsages: ['serverAuth'],
      },
      ca,
    );
    writePrivateFile(paths.serverKeyFile, server.keyPem);
    writePublicFile(paths.serverCertFile, server.certPem);
    serverCreated = true;
  }
  const leafPem = readFileSync(paths.serverCertFile, 'utf8');
  return {
    caPem: ca.certPem,
    caFile: paths.caFile,
    certPem: leafPem.trimEnd() + '\n' + ca.certPem,
    keyPem: readFileSync(paths.serverKeyFile, 'utf8'),
    generated: { ca: created, server: serverCreated },
  };
}
