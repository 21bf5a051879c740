import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { ClusterPage } from './pages/cluster-page';
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

test.describe('private keys in the editor', () => {
  test('base64 of a PKCS#8 key next to a CA: the private-key finding, Remove the key in one action, then apply is enabled', async ({
    page,
    emulator: _,
  }) => {
    const cluster = new ClusterPage(page);
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

  test('a key file is dropped by Remove the key', async ({ page, emulator: _ }) => {
    const cluster = new ClusterPage(page);
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
});
