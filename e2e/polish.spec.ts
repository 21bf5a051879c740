import type { Page } from '@playwright/test';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { WEB, type ClusterAddress } from './support/arm';
import { crlfWithTrailingSpaces, makeEditorFixtures, type EditorFixtures } from './support/certificates';
import { expectNoHorizontalOverflow, NARROW, WIDE } from './support/layout';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

/** Seeded with no custom CA (emulator/arm/seed/clusters.ts). */
const INGRESS: ClusterAddress = {
  ...WEB,
  subscriptionId: '00000000-aaaa-4000-8000-000000000003',
  resourceGroup: 'rg-platform-core',
  name: 'aks-ingress-gwc',
  tenantId: '72f988bf-0000-4000-8000-000000000002',
};
const ROLLOUT_URL = new RegExp(`/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}/rollout(\\?|$)`);
const SHA256_SHOWN = /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/;

async function expectFocused(page: Page, name: string) {
  await expect(page.getByRole('button', { name, exact: true })).toBeFocused();
}

async function expectOneFingerprintFormat(page: Page, where: string) {
  const shown = await page.locator('[data-fingerprint="sha256"]').allTextContents();
  expect(shown.length, `fingerprints on ${where}`).toBeGreaterThan(0);
  for (const text of shown) expect(text.trim(), `a fingerprint on ${where}`).toMatch(SHA256_SHOWN);
}

/** Pastes as a browser does: the paste event carries the clipboard text (CRLF kept), then the textarea inserts it. */
async function pasteFromClipboard(page: Page, text: string) {
  const area = page.getByLabel('Paste PEM certificates');
  await area.focus();
  await area.evaluate((element, clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.keyboard.insertText(text);
}

test('a cluster without custom CAs says so calmly: no error', async ({ page, emulator: _, clusterPage: cluster }) => {
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(INGRESS);
  await expect(cluster.currentBundle()).toContainText('Current CA bundle (0 certificates)');
  await expect(page.getByTestId('no-custom-ca')).toHaveText(/This cluster trusts no custom CA/);
  await expect(cluster.currentBundle().locator('[data-severity="error"]')).toHaveCount(0);
  await expect(page.getByText('No input was given')).toHaveCount(0);
});

test('cluster page, editor with findings and rollout page: no wider than the viewport at 390 and 1366 px, axe clean in light and dark', async ({
  page,
  emulator: _,
  clusterPage: cluster,
  rolloutPage: rollout,
}) => {
  test.setTimeout(180_000);
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);
  await cluster.addFile('retired.pem', certs.expiredCa);
  await cluster.addFile('server.pem', certs.serverCertificate);
  await cluster.paste(`${certs.goodCa}\nnot a certificate\n`);
  await expect(cluster.finding('expired')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of [NARROW, WIDE]) {
      await page.setViewportSize(size);
      const state = `cluster page, editor with findings, ${colorScheme}, ${size.width} px`;
      await expectNoHorizontalOverflow(page, state);
      await expectAccessible(page, state);
    }
  }
  await page.goto(`/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}/rollout?tenant=${WEB.tenantId}`);
  await expect(rollout.heading()).toContainText(WEB.name);
  // The breadcrumb back to the cluster keeps the tenant whose token reads it.
  await expect(
    page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: WEB.name }),
  ).toHaveAttribute('href', `/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}?tenant=${WEB.tenantId}`);
  await expect(page.getByTestId('subscription-name')).toContainText('contoso-prod');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of [NARROW, WIDE]) {
      await page.setViewportSize(size);
      const state = `rollout page, ${colorScheme}, ${size.width} px`;
      await expectNoHorizontalOverflow(page, state);
      await expectAccessible(page, state);
    }
  }
});

test('focus returns to the opener after each dialog; one fingerprint format on cards, diff and rollout read-back; the end toast leaves the header free; the subscription is named', async ({
  page,
  emulator,
  clusterPage: cluster,
  rolloutPage: rollout,
}) => {
  test.setTimeout(180_000);
  await emulator.setSpeed(3000);
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);
  await expect(page.getByTestId('subscription-name')).toContainText('contoso-prod');
  await expect(page.getByTestId('subscription-name')).toContainText(WEB.subscriptionId);
  await cluster.addFile('partner-root.pem', certs.goodCa);
  await expect(cluster.applyReason()).toContainText('Ready');
  await expectOneFingerprintFormat(page, 'the cluster page (cards and diff)');
  await expect(page.getByTestId('diff-added').locator('[data-fingerprint="sha256"]')).toHaveCount(1);

  await cluster.applyButton().click();
  await expect(cluster.dialog()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cluster.dialog()).toHaveCount(0);
  await expectFocused(page, 'Apply…');

  await cluster.applyButton().click();
  await cluster.dialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(cluster.dialog()).toHaveCount(0);
  await expectFocused(page, 'Apply…');

  await cluster.removeAllButton().click();
  await expect(cluster.dialog()).toBeVisible();
  await page.keyboard.press('Escape');
  await expectFocused(page, 'Remove all custom CAs…');

  await cluster.applyAndConfirm();
  await page.waitForURL(ROLLOUT_URL);
  await rollout.waitForLive();
  await page.getByRole('button', { name: 'Abort rollout' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectFocused(page, 'Abort rollout');
  await page.getByRole('button', { name: 'Abort rollout' }).click();
  await page.getByRole('button', { name: 'Keep the rollout running' }).click();
  await expectFocused(page, 'Abort rollout');

  await emulator.setSpeed(50);
  await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });
  await expect(page.getByTestId('trusted-certificate')).toHaveCount(3);
  await expectOneFingerprintFormat(page, 'the rollout read-back');
  const toast = page.locator('[data-sonner-toast]').first();
  await expect(toast).toBeVisible();
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    const header = (await page.getByRole('banner').boundingBox())!;
    const box = (await toast.boundingBox())!;
    expect(box.y, `the toast starts below the header at ${size.width} px`).toBeGreaterThanOrEqual(
      header.y + header.height,
    );
  }
});

test('a refused apply: the error, and nothing beside it that says Ready', async ({
  page,
  emulator,
  clusterPage: cluster,
}) => {
  await emulator.addFault({
    method: 'GET',
    path: '/providers/Microsoft.Authorization/permissions',
    status: 400,
    code: 'BadRequest',
    message: 'The permissions service is unavailable.',
    count: 5,
  });
  await signInWithMsal(page, 'Ravi Reader');
  await cluster.open(WEB);
  await cluster.addFile('partner-root.pem', certs.goodCa);
  await expect(cluster.applyReason()).toContainText('Ready');
  await cluster.applyAndConfirm();
  await expect(page.getByRole('alert').filter({ hasText: 'You may not change this cluster' })).toBeVisible();
  await expect(cluster.applyReason()).not.toContainText('Ready');
  await expect(cluster.applyReason()).not.toContainText('will be replaced');
  await expect(cluster.applyReason()).toContainText('Azure refused the write');
  await expectFocused(page, 'Apply…');
});

test('pasted Windows text: the paste is told what was normalised, as a file is', async ({
  page,
  emulator: _,
  clusterPage: cluster,
}) => {
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);
  await pasteFromClipboard(page, crlfWithTrailingSpaces(certs.goodCa));
  await expect(cluster.finding('crlf-normalized')).toBeVisible();
  await expect(cluster.finding('crlf-normalized')).toContainText('pasted text');
  await expect(page.getByLabel('Paste PEM certificates')).not.toHaveValue(/\r/);
  await expect(cluster.applyReason()).toContainText('Ready');
});
