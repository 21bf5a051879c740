import { beforeAll, describe, expect, it } from 'vitest';
import { removePrivateKeys } from '../intake/remove-keys';
import type { BundleResult } from '../types';
import { loadFixtures, opensslOn, type Fixtures } from './fixtures';
import { base64Lines, ids, read, toBase64 } from './helpers';

/** Issue 10, point 4: a private key in any shape next to a CA is refused with the private-key finding. */

let fx: Fixtures;
let ca: string;
beforeAll(async () => {
  fx = await loadFixtures();
  ca = fx.text('rsa-root.pem');
  opensslOn(fx, [
    'pkcs12',
    '-export',
    '-in',
    'rsa-root.pem',
    '-inkey',
    'rsa-root.key',
    '-passout',
    'pass:secret',
    '-out',
    `shapes-${process.pid}.p12`,
  ]);
});

const body = (name: string) => base64Lines(fx.text(name)).join('');
const wrap = (base64: string, width: number) => base64.replace(new RegExp(`.{1,${width}}`, 'g'), '$&\n');

function expectKeyRefused(result: BundleResult, secret: string): void {
  expect(ids(result.findings, 'error')).toContain('private-key');
  const finding = result.findings.find((item) => item.id === 'private-key')!;
  expect(finding.message).not.toMatch(/removed/i);
  expect(finding.message).toMatch(/private key/);
  const serialized = JSON.stringify(result);
  for (let i = 0; i + 40 <= secret.length; i += 40) expect(serialized).not.toContain(secret.slice(i, i + 40));
}

/** Remove the key leaves the CA alone, readable, with no key finding. */
async function expectRemovable(text: string): Promise<void> {
  const { text: cleaned, removed } = removePrivateKeys(text);
  expect(removed).toBeGreaterThan(0);
  const again = await read({ name: 'pasted text', content: cleaned });
  expect(ids(again.findings, 'error')).toEqual([]);
  expect(again.certificates).toHaveLength(1);
  expect(removePrivateKeys(cleaned).removed).toBe(0);
}

const SHAPES: [string, () => { text: string; secret: string }][] = [
  [
    'base64 of PKCS#8 DER on one line',
    () => ({ text: `${ca}${body('rsa-root.key')}\n`, secret: body('rsa-root.key') }),
  ],
  [
    'base64 of PKCS#1 DER wrapped at 76',
    () => ({ text: `${ca}\n${wrap(body('rsa-traditional.key'), 76)}`, secret: body('rsa-traditional.key') }),
  ],
  [
    'base64 of SEC1 DER before the CA',
    () => ({ text: `${wrap(body('ec-traditional.key'), 64)}\n${ca}`, secret: body('ec-traditional.key') }),
  ],
  [
    'base64 of encrypted PKCS#8 DER',
    () => ({ text: `${ca}${body('encrypted.key')}\n`, secret: body('encrypted.key') }),
  ],
  [
    'base64 of a PEM key',
    () => ({ text: `${ca}${toBase64(fx.text('ec-pkcs8.key'))}\n`, secret: body('ec-pkcs8.key') }),
  ],
  [
    'a JSON entry holding a PEM key (az aks show with a key string)',
    () => ({
      text: JSON.stringify(
        {
          name: 'aks',
          securityProfile: { customCaTrustCertificates: [toBase64(ca)] },
          sshPrivateKey: fx.text('rsa-root.key'),
        },
        null,
        2,
      ),
      secret: body('rsa-root.key'),
    }),
  ],
  [
    'a JSON entry holding base64 of key DER',
    () => ({
      text: JSON.stringify({ securityProfile: { customCaTrustCertificates: [toBase64(ca), body('ec-pkcs8.key')] } }),
      secret: body('ec-pkcs8.key'),
    }),
  ],
  [
    'four-dash markers',
    () => ({ text: ca + fx.text('ec-pkcs8.key').replace(/-----/g, '----'), secret: body('ec-pkcs8.key') }),
  ],
  [
    'six-dash markers',
    () => ({ text: ca + fx.text('ec-pkcs8.key').replace(/-----/g, '------'), secret: body('ec-pkcs8.key') }),
  ],
  [
    'lower-case labels',
    () => ({
      text:
        ca +
        fx
          .text('ec-pkcs8.key')
          .replace(/PRIVATE KEY/g, 'private key')
          .replace(/BEGIN|END/g, (m) => m.toLowerCase()),
      secret: body('ec-pkcs8.key'),
    }),
  ],
  [
    'key DER inside CERTIFICATE markers',
    () => ({
      text: ca + fx.text('rsa-root.key').replace(/PRIVATE KEY/g, 'CERTIFICATE'),
      secret: body('rsa-root.key'),
    }),
  ],
  [
    'base64 of a PKCS#12 archive',
    () => ({
      text: `${ca}${wrap(toBase64(fx.bytes(`shapes-${process.pid}.p12`)), 64)}`,
      secret: toBase64(fx.bytes(`shapes-${process.pid}.p12`)),
    }),
  ],
];

describe('private keys in every shape', () => {
  it.each(SHAPES)('%s is refused as a private key, and Remove the key leaves only the CA', async (_, make) => {
    const { text, secret } = make();
    const result = await read({ name: 'pasted text', content: text });
    expectKeyRefused(result, secret);
    await expectRemovable(text);
  });

  it('a PKCS#12 file (DER) says it is a PKCS#12 archive, which holds a private key', async () => {
    const result = await read({ name: 'bundle.pfx', content: fx.bytes(`shapes-${process.pid}.p12`) });
    expect(ids(result.findings)).toEqual(['private-key']);
    expect(result.findings[0]!.message).toMatch(/PKCS#12 archive, which holds a private key/);
  });

  it('the finding points at the key lines, and a base64 certificate list next to it is still read', async () => {
    const key = wrap(body('ec-pkcs8.key'), 64);
    const text = `${toBase64(ca)}\n${key}`;
    const result = await read({ name: 'pasted text', content: text });
    const finding = result.findings.find((item) => item.id === 'private-key')!;
    expect(finding.line).toBe(2);
    expect(finding.message).toMatch(/^Lines 2-\d+ hold/);
  });

  it('removes only the key from JSON (the member or entry) and keeps the JSON valid', () => {
    const json = JSON.stringify({
      securityProfile: { customCaTrustCertificates: [toBase64(ca)] },
      key: fx.text('rsa-root.key'),
    });
    const { text, removed } = removePrivateKeys(json);
    expect(removed).toBe(1);
    expect(JSON.parse(text)).toEqual({ securityProfile: { customCaTrustCertificates: [toBase64(ca)] } });
  });

  it('leaves text without keys unchanged', () => {
    expect(removePrivateKeys(ca)).toEqual({ text: ca, removed: 0 });
    const list = `${toBase64(ca)}\n${toBase64(fx.text('ec-root.pem'))}\n`;
    expect(removePrivateKeys(list)).toEqual({ text: list, removed: 0 });
  });
});
