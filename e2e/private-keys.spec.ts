import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCertificate } from '../emulator/certs';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { WEB } from './support/arm';
import { makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

/** The base64 of a PEM key's DER on one line, as a user copies it out of a secret store. */
function base64OfKeyDer(pem: string): string {
  return pem
    .split('\n')
    .filter((line) => line && !line.startsWith('-----'))
    .join('');
}

/** A PKCS#12 archive (certificate + its key) as Windows and `openssl pkcs12 -export` write it. */
async function makePfx(): Promise<Buffer> {
  const issued = await issueCertificate({ subject: 'CN=Archive Holder CA', isCA: true, keyAlgorithm: 'RSA-2048' });
  const dir = mkdtempSync(join(tmpdir(), 'pfx-'));
  try {
    writeFileSync(join(dir, 'cert.pem'), issued.certPem);
    writeFileSync(join(dir, 'key.pem'), issued.keyPem);
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-in',
      join(dir, 'cert.pem'),
      '-inkey',
      join(dir, 'key.pem'),
      '-passout',
      'pass:secret',
      '-out',
      join(dir, 'server.pfx'),
    ]);
    return readFileSync(join(dir, 'server.pfx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('private keys in the editor', () => {
  test('base64 of a PKCS#8 key next to a CA: the private-key finding, Remove the key in one action, then apply is enabled', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);

    const key = base64OfKeyDer(certs.privateKey);
    await cluster.paste(`${certs.goodCa}${key}\n`);
    const finding = cluster.finding('private-key');
    await expect(finding).toContainText('private key');
    await expect(finding).not.toContainText('removed');
    await expect(cluster.applyButton()).toBeDisabled();
    await expectAccessible(page, 'editor with a private-key finding and Remove the key');

    await finding.getByRole('button', { name: 'Remove the key' }).click();
    await expect(cluster.findings('private-key')).toHaveCount(0);
    await expect(page.getByLabel('Paste PEM certificates')).not.toHaveValue(
      new RegExp(key.slice(0, 40).replace(/[+/]/g, '\\$&')),
    );
    await expect(page.getByLabel('Paste PEM certificates')).toHaveValue(/BEGIN CERTIFICATE/);
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');
    await expect(cluster.applyReason()).toContainText('Ready');
    await expect(cluster.applyButton()).toBeEnabled();
  });

  test('a key file is dropped by Remove the key', async ({ page, emulator: _, clusterPage: cluster }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.paste(certs.goodCa);
    await cluster.addFile('server.pfx.b64', base64OfKeyDer(certs.privateKey));
    await expect(cluster.finding('private-key')).toBeVisible();
    await expect(cluster.applyButton()).toBeDisabled();
    await cluster.finding('private-key').getByRole('button', { name: 'Remove the key' }).click();
    await expect(page.getByTestId('file-list')).toHaveCount(0);
    await expect(cluster.applyButton()).toBeEnabled();
  });

  test('a .pfx file dropped: the finding names PKCS#12, Remove the key drops the file, then apply is enabled', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    const pfx = await makePfx();
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.paste(certs.goodCa);
    await cluster.addFile('server.pfx', pfx);
    const finding = cluster.finding('private-key');
    await expect(finding).toContainText('PKCS#12');
    await expect(finding).not.toContainText('removed');
    await expect(cluster.applyButton()).toBeDisabled();
    await finding.getByRole('button', { name: 'Remove the key' }).click();
    await expect(page.getByTestId('file-list')).toHaveCount(0);
    await expect(cluster.findings('private-key')).toHaveCount(0);
    await expect(cluster.applyButton()).toBeEnabled();
  });
});
