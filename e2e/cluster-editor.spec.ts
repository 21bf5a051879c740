import type { Page } from '@playwright/test';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { caBundle, CORE, LEGACY, readCluster, WEB } from './support/arm';
import { crlfWithTrailingSpaces, makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

// How the rollout view gets the private handle (operation URL, machines before) is the rollout specs' concern;
// lib/azure/ca-bundle-write.test.ts checks what apply puts in it.
const ROLLOUT_URL = new RegExp(`/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}/rollout(\\?|$)`);

test.describe('cluster page and editor', () => {
  test('a good CA file is added, applied, the cluster shows Updating and the new bundle is read back after the rollout', async ({
    page,
    emulator,
    clusterPage: cluster,
  }) => {
    await emulator.setSpeed(3000);
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await expect(page.getByTestId('agent-pool')).toHaveCount(2);
    await expect(cluster.currentBundle().getByTestId('certificate-card')).toHaveCount(2);

    await cluster.addFile('partner-root.crt', certs.goodCa);
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');
    await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
    await expect(page.getByTestId('impact-summary')).toContainText('9 nodes');
    await expect(cluster.applyReason()).toContainText('Ready');

    await cluster.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL);

    await cluster.open(WEB);
    await expect(cluster.state()).toContainText('Updating');
    await expect(
      page.getByTestId('operation-running').getByRole('link', { name: 'Follow the rollout' }),
    ).toHaveAttribute('href', /\/rollout/);
    await expect(cluster.applyReason()).toContainText('An operation is running');

    await emulator.setSpeed(50);
    await expect(async () => {
      await cluster.refresh();
      await expect(cluster.state()).toContainText('Succeeded', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(cluster.currentBundle().getByTestId('certificate-card')).toHaveCount(3);
    await expect(cluster.currentBundle()).toContainText('Contoso Partner Root CA');
    expect(caBundle(await readCluster(WEB))).toHaveLength(3);
  });

  test('a CRLF file with trailing spaces is fixed, reported and applied as canonical PEM', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.addFile('from-windows.cer', crlfWithTrailingSpaces(certs.goodCa));
    await expect(cluster.finding('crlf-normalized')).toBeVisible();
    await expect(cluster.finding('whitespace-trimmed')).toBeVisible();
    await expect(cluster.finding('crlf-normalized')).toContainText('from-windows.cer');
    await expect(cluster.applyReason()).toContainText('Ready');
    await cluster.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL);
    const entries = caBundle(await readCluster(WEB));
    expect(entries).toHaveLength(3);
    expect(entries[2]).toBe(certs.goodCa);
  });

  test('a private key is refused in the browser, alone and after a certificate, and never sent', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    const bodies: string[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (body) bodies.push(body);
    });
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);

    await cluster.paste(certs.privateKey);
    await expect(cluster.finding('private-key')).toBeVisible();
    await expect(page.getByTestId('editor').getByRole('alert').first()).toContainText('private key');
    await expect(cluster.applyButton()).toBeDisabled();

    await cluster.paste(certs.goodCa + certs.privateKey);
    await expect(cluster.finding('private-key')).toContainText(`line ${certs.goodCa.trimEnd().split('\n').length + 1}`);
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');
    await expect(cluster.applyButton()).toBeDisabled();
    await expect(cluster.applyReason()).toContainText('Fix the error');

    await cluster.addFile('server.key', certs.privateKey);
    await expect(cluster.findings('private-key')).toHaveCount(2);

    // Take the key out: the certificate can be applied, and what goes out holds no part of the key.
    await page.getByRole('button', { name: 'Remove server.key' }).click();
    await cluster.paste(certs.goodCa);
    await expect(cluster.applyReason()).toContainText('Ready');
    await cluster.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL);

    const keyLines = certs.privateKey
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.some((body) => body.includes('Contoso') || body.includes('BEGIN CERTIFICATE'))).toBe(true);
    for (const body of bodies)
      for (const line of keyLines)
        expect(body.includes(line), `a request body contains the key line ${line.slice(0, 12)}…`).toBe(false);
  });

  test('eleven certificates, a server certificate and an expired CA are blocked with the reason', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);

    await cluster.replaceCurrent();
    await cluster.addFile('eleven.pem', certs.elevenCas);
    await expect(cluster.finding('too-many-certificates')).toContainText('at most 10');
    await expect(cluster.applyButton()).toBeDisabled();
    await page.getByRole('button', { name: 'Remove eleven.pem' }).click();

    await cluster.addFile('server.pem', certs.serverCertificate);
    await expect(cluster.finding('not-a-ca')).toBeVisible();
    await expect(cluster.applyReason()).toContainText('Fix the error');
    await page.getByRole('button', { name: 'Remove server.pem' }).click();

    await cluster.addFile('retired.pem', certs.expiredCa);
    await expect(cluster.finding('expired')).toBeVisible();
    await expect(cluster.applyButton()).toBeDisabled();
  });

  test('the same bundle in another order is no change', async ({ page, emulator: _, clusterPage: cluster }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    const [first, second] = caBundle(await readCluster(WEB));
    await cluster.replaceCurrent();
    await expect(page.getByTestId('diff-removed')).toBeVisible();
    await cluster.paste(`${second}\n${first}`);
    await expect(cluster.diffSummary()).toContainText('No change');
    await expect(cluster.applyButton()).toBeDisabled();
    await expect(cluster.applyReason()).toContainText('No change');
  });

  test('a renewed CA is a probable rotation, its validity, key and serial side by side', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.addFile('proxy-ca-renewed.pem', certs.renewedProxyCa);
    const currentProxy = page
      .getByTestId('proposal')
      .getByTestId('certificate-card')
      .filter({ hasText: 'In the cluster now' })
      .filter({ hasText: 'Contoso Proxy Inspection CA 2025' });
    await currentProxy.getByRole('button', { name: /^Remove Contoso Proxy Inspection CA 2025/ }).click();
    await expect(cluster.diffSummary()).toHaveText('Changes: 0 added, 0 removed, 1 rotated, 1 unchanged.');
    const rotation = page.getByTestId('diff-rotated');
    await expect(rotation).toContainText('same subject, later expiry');
    for (const field of ['Not after', 'Public key', 'Key identifier', 'Serial'])
      await expect(rotation.getByRole('row', { name: new RegExp(`^${field}`) })).toBeVisible();
    await expect(rotation.getByRole('row', { name: /^Serial/ })).toContainText('(differs)');
    await expect(page.getByTestId('excluded')).toContainText('Contoso Proxy Inspection CA 2025');
    await expect(cluster.applyReason()).toContainText('Ready');
  });

  test('axe: the page, the editor with findings, the diff and the dialog; expired CA and Windows pools are explained', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    test.setTimeout(120_000); // four axe passes; each takes seconds of CPU on a busy machine
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(CORE);
    await expect(cluster.currentBundle().locator('[data-finding-id="expired"]').first()).toBeVisible();
    await expectAccessible(page, 'cluster page with an expired CA');

    await cluster.paste(certs.goodCa + certs.privateKey);
    await expect(cluster.finding('private-key')).toBeVisible();
    await expectAccessible(page, 'editor with findings');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'editor with findings, dark theme');
    await page.emulateMedia({ colorScheme: 'light' });

    await cluster.open(LEGACY);
    await expect(page.getByTestId('impact-windows')).toContainText('win22 (3 nodes)');
    await cluster.addFile('partner.pem', certs.goodCa);
    await expect(page.getByTestId('diff-added')).toBeVisible();
    await expectAccessible(page, 'diff and impact');

    await cluster.applyButton().click();
    await expect(cluster.dialog()).toContainText('Windows pools (win22) will not receive the CAs');
    await expectAccessible(page, 'confirm dialog');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'confirm dialog, dark theme');
  });

  test('keyboard only: choose a file, read the diff, confirm', async ({ page, emulator: _, clusterPage: cluster }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);

    const chooseFiles = page.getByRole('button', { name: 'Choose files…' });
    await tabUntilFocused(page, chooseFiles);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles({ name: 'partner-root.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(certs.goodCa) });
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');

    await tabUntilFocused(page, cluster.applyButton());
    await page.keyboard.press('Enter');
    await expect(cluster.dialog()).toBeVisible();
    await tabUntilFocused(page, cluster.dialog().getByRole('button', { name: 'Apply the change' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(ROLLOUT_URL);
  });
});

/** Presses Tab until the locator has focus (fails after a bound, so a trap or an unreachable control shows). */
async function tabUntilFocused(page: Page, target: ReturnType<Page['locator']>, limit = 200) {
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('The control could not be reached with Tab.');
}
