/**
 * Test certificates generated at test time with openssl (and pkijs for back- and future-dated
 * validity, which openssl 3.0 cannot set without a CA database). Nothing here is committed: files live in
 * a temp directory shared by the test files of one run; private keys never leave it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Bump when the generated set changes, so a stale shared directory is not reused. */
const FIXTURE_VERSION = 4;
const SHARED_DIR = join(tmpdir(), `aks-ca-trust-pki-fixtures-v${FIXTURE_VERSION}-${process.getuid?.() ?? 0}`);

const CA_EXTENSIONS = [
  'basicConstraints=critical,CA:TRUE',
  'keyUsage=critical,keyCertSign,cRLSign',
  'subjectKeyIdentifier=hash',
];

function openssl(dir: string, args: string[], input?: string): string {
  return execFileSync('openssl', args, { cwd: dir, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

function extfile(dir: string, name: string, lines: string[]): string {
  writeFileSync(join(dir, `${name}.ext`), lines.join('\n') + '\n');
  return `${name}.ext`;
}

function selfSignedRoot(
  dir: string,
  name: string,
  keyArgs: string[],
  subject: string,
  extensions: string[],
  digest = '-sha256',
): void {
  openssl(dir, [
    'req',
    '-x509',
    ...keyArgs,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '3650',
    digest,
    '-subj',
    subject,
    '-extensions',
    'v3',
    '-config',
    extfile(dir, name, ['[req]', 'distinguished_name=dn', '[dn]', '[v3]', ...extensions]),
  ]);
}

function issued(
  dir: string,
  name: string,
  issuer: string,
  keyArgs: string[],
  subject: string,
  extensions: string[],
  digest = '-sha256',
): void {
  openssl(dir, [
    'req',
    '-new',
    ...keyArgs,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    subject,
  ]);
  const ext = extfile(dir, name, [...extensions, 'authorityKeyIdentifier=keyid']);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${issuer}.pem`,
    '-CAkey',
    `${issuer}.key`,
    '-set_serial',
    '0x' + Math.floor(Math.random() * 2 ** 40).toString(16),
    '-days',
    '365',
    digest,
    '-extfile',
    ext,
    '-out',
    `${name}.pem`,
  ]);
}

function validityTime(value: Date): pkijs.Time {
  return new pkijs.Time({ type: value.getUTCFullYear() >= 2050 ? 1 : 0, value }); // RFC 5280: GeneralizedTime from 2050
}

async function datedRoot(name: string, notBefore: Date, notAfter: Date): Promise<string> {
  const keys = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: 258 });
  for (const dn of [certificate.subject, certificate.issuer]) {
    dn.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: name }) }),
    );
  }
  certificate.notBefore = validityTime(notBefore);
  certificate.notAfter = validityTime(notAfter);
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 }); // keyCertSign, cRLSign
  certificate.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: true }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(keys.privateKey, 'SHA-256');
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** A real OpenSSH key when ssh-keygen is installed; otherwise a block with that label (the label is what is refused). */
function opensshKey(dir: string): string {
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', join(dir, 'openssh-real.key')]);
    return readFileSync(join(dir, 'openssh-real.key'), 'utf8');
  } catch {
    const body = openssl(dir, ['rand', '-base64', '300']).replace(/\s/g, '').replace(/.{70}/g, '$&\n').trim();
    return `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`;
  }
}

async function generate(dir: string): Promise<void> {
  const rsa = ['-newkey', 'rsa:2048'];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  selfSignedRoot(dir, 'rsa-root', rsa, '/C=NL/O=Contoso/CN=Contoso RSA Root', CA_EXTENSIONS);
  selfSignedRoot(
    dir,
    'ec-root',
    ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
    '/O=Contoso/CN=Contoso EC Root',
    CA_EXTENSIONS,
  );
  selfSignedRoot(
    dir,
    'ed25519-root',
    ['-newkey', 'ed25519'],
    '/O=Contoso/CN=Contoso Ed25519 Root',
    CA_EXTENSIONS,
    '-sha256',
  );
  issued(dir, 'intermediate', 'rsa-root', ec, '/O=Contoso/CN=Contoso Issuing CA 1', [
    'basicConstraints=critical,CA:TRUE,pathlen:0',
    'keyUsage=critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier=hash',
    'extendedKeyUsage=serverAuth,clientAuth',
  ]);
  issued(dir, 'leaf', 'intermediate', ec, '/CN=api.contoso.example', [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=DNS:api.contoso.example',
  ]);
  issued(
    dir,
    'sha1-intermediate',
    'rsa-root',
    rsa,
    '/CN=Contoso SHA-1 Issuing CA',
    ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign'],
    '-sha1',
  );
  selfSignedRoot(dir, 'sha1-root', rsa, '/CN=Contoso SHA-1 Root', CA_EXTENSIONS, '-sha1');
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'pss-root.key',
    '-out',
    'pss-root.pem',
    '-days',
    '3650',
    '-sha256',
    '-sigopt',
    'rsa_padding_mode:pss',
    '-sigopt',
    'rsa_pss_saltlen:32',
    '-subj',
    '/CN=Contoso PSS Root',
    '-extensions',
    'v3',
    '-config',
    extfile(dir, 'pss-root', ['[req]', 'distinguished_name=dn', '[dn]', '[v3]', ...CA_EXTENSIONS]),
  ]);
  selfSignedRoot(dir, 'md5-root', rsa, '/CN=Contoso MD5 Root', CA_EXTENSIONS, '-md5');
  selfSignedRoot(dir, 'rsa1024-root', ['-newkey', 'rsa:1024'], '/CN=Contoso Weak Root', CA_EXTENSIONS);
  selfSignedRoot(
    dir,
    'k1-root',
    ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
    '/CN=Contoso K1 Root',
    CA_EXTENSIONS,
  );
  selfSignedRoot(dir, 'constrained-root', rsa, '/CN=Contoso Constrained Root', [
    ...CA_EXTENSIONS,
    'nameConstraints=critical,permitted;DNS:.contoso.example,permitted;IP:10.0.0.0/255.0.0.0,excluded;email:.evil.example',
  ]);
  selfSignedRoot(dir, 'no-certsign-root', rsa, '/CN=Contoso No CertSign Root', [
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,digitalSignature',
  ]);
  selfSignedRoot(dir, 'noncritical-bc-root', rsa, '/CN=Contoso Noncritical Root', [
    'basicConstraints=CA:TRUE,pathlen:3',
    'keyUsage=keyCertSign',
  ]);
  selfSignedRoot(dir, 'no-bc-root', rsa, '/CN=Contoso No BC Root', ['subjectKeyIdentifier=hash']);
  // Version 1: x509 -req without an extension file.
  openssl(dir, [
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'v1-root.key',
    '-out',
    'v1-root.csr',
    '-subj',
    '/CN=Contoso V1 Root',
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'v1-root.csr',
    '-signkey',
    'v1-root.key',
    '-days',
    '365',
    '-out',
    'v1-root.pem',
  ]);
  openssl(dir, [
    'genpkey',
    '-genparam',
    '-algorithm',
    'DSA',
    '-pkeyopt',
    'dsa_paramgen_bits:1024',
    '-out',
    'dsa.param',
  ]);
  openssl(dir, ['genpkey', '-paramfile', 'dsa.param', '-out', 'dsa-root.key']);
  openssl(dir, [
    'req',
    '-x509',
    '-key',
    'dsa-root.key',
    '-days',
    '365',
    '-subj',
    '/CN=Contoso DSA Root',
    '-out',
    'dsa-root.pem',
    '-extensions',
    'v3',
    '-config',
    extfile(dir, 'dsa-root', ['[req]', 'distinguished_name=dn', '[dn]', '[v3]', ...CA_EXTENSIONS]),
  ]);
  // Formats derived from the roots above.
  openssl(dir, ['x509', '-in', 'rsa-root.pem', '-outform', 'DER', '-out', 'rsa-root.der']);
  openssl(dir, ['crl2pkcs7', '-nocrl', '-certfile', 'rsa-root.pem', '-certfile', 'ec-root.pem', '-out', 'bundle.p7b']);
  openssl(dir, [
    'crl2pkcs7',
    '-nocrl',
    '-certfile',
    'rsa-root.pem',
    '-certfile',
    'ec-root.pem',
    '-outform',
    'DER',
    '-out',
    'bundle.p7b.der',
  ]);
  openssl(dir, ['pkey', '-in', 'rsa-root.key', '-traditional', '-out', 'rsa-traditional.key']);
  openssl(dir, ['pkey', '-in', 'ec-root.key', '-out', 'ec-pkcs8.key']);
  openssl(dir, ['ec', '-in', 'ec-root.key', '-out', 'ec-traditional.key']);
  openssl(dir, ['pkey', '-in', 'rsa-root.key', '-outform', 'DER', '-out', 'rsa-root.key.der']);
  openssl(dir, ['pkcs8', '-topk8', '-in', 'rsa-root.key', '-passout', 'pass:secret', '-out', 'encrypted.key']);
  openssl(dir, ['pkey', '-in', 'rsa-root.key', '-pubout', '-out', 'public.pem']);
  writeFileSync(join(dir, 'openssh.key'), opensshKey(dir));
  writeFileSync(
    join(dir, 'expired-root.pem'),
    await datedRoot('Contoso Expired Root', new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')),
  );
  writeFileSync(
    join(dir, 'future-root.pem'),
    await datedRoot('Contoso Future Root', new Date('2090-01-01T00:00:00Z'), new Date('2091-01-01T00:00:00Z')),
  );
  // A tampered signature: flip one bit in the last byte of the DER (inside the signature value).
  const der = readFileSync(join(dir, 'rsa-root.der'));
  der[der.length - 1]! ^= 0x01;
  writeFileSync(join(dir, 'tampered-root.der'), der);
  openssl(dir, ['x509', '-inform', 'DER', '-in', 'tampered-root.der', '-out', 'tampered-root.pem']);
}

export interface Fixtures {
  dir: string;
  text(name: string): string;
  bytes(name: string): Uint8Array;
  path(name: string): string;
}

let pending: Promise<Fixtures> | undefined;

/** Generates the fixture set once per machine-run; parallel test files share it via an atomic rename. */
export function loadFixtures(): Promise<Fixtures> {
  pending ??= (async () => {
    if (!existsSync(join(SHARED_DIR, 'done'))) {
      const work = mkdtempSync(join(tmpdir(), 'aks-ca-trust-pki-gen-'));
      await generate(work);
      writeFileSync(join(work, 'done'), '');
      try {
        renameSync(work, SHARED_DIR);
      } catch {
        rmSync(work, { recursive: true, force: true }); // another worker won the race; use its set
      }
    }
    mkdirSync(SHARED_DIR, { recursive: true });
    return {
      dir: SHARED_DIR,
      path: (name) => join(SHARED_DIR, name),
      text: (name) => readFileSync(join(SHARED_DIR, name), 'utf8'),
      bytes: (name) => new Uint8Array(readFileSync(join(SHARED_DIR, name))),
    };
  })();
  return pending;
}

/** Runs openssl on a file of the fixture set (for comparing our decoding with openssl's). */
export function opensslOn(fixtures: Fixtures, args: string[]): string {
  return openssl(fixtures.dir, args);
}
