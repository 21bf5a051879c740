import { createHash, X509Certificate } from 'node:crypto';
import type { Page } from '@playwright/test';
import { signInWithMsal, test, expect } from './fixtures';
import { caBundle, changeCaBundleElsewhere, readCluster, WEB } from './support/arm';
import { makeHostileFixtures, shownFingerprint, type HostileFixtures } from './support/hostile-certificates';
import { expectNoHorizontalOverflow, expectReadsLeftToRight, NARROW, WIDE } from './support/layout';

let certs: HostileFixtures;
test.beforeAll(async () => {
  certs = await makeHostileFixtures();
});

const sha256 = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
const ROLLOUT_URL = new RegExp(`/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}/rollout(\\?|$)`);
/** What the page shows for the bidi name: its controls escaped, in place. */
const BIDI_SHOWN = 'Contoso \\u202EAC tooR\\u2066 2026';

async function atBothWidths(page: Page, state: string, check: () => Promise<void> = async () => {}) {
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    await expectNoHorizontalOverflow(page, `${state} at ${size.width} px`);
    await check();
  }
  await page.setViewportSize(WIDE);
}

test('a bidi override and a 64 KB common name: isolated, made visible, cut with the whole value kept; no page wider than the viewport; fingerprints read in order on cards, findings, diff, exports and the rollout read-back', async ({
  page,
  emulator,
  clusterPage: cluster,
  rolloutPage: rollout,
}) => {
  test.setTimeout(180_000);
  await emulator.setSpeed(50);
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);

  await cluster.addFile('partner\u202Egnp.pem', certs.bidiCa);
  await cluster.addFile('long-name.pem', certs.longCa);
  await cluster.addFile('retired.pem', certs.expiredBidiCa);
  const proposal = page.getByTestId('proposal');
  const bidiCard = proposal.locator(`[data-testid="certificate-card"][data-sha256="${sha256(certs.bidiCa)}"]`);
  const longCard = proposal.locator(`[data-testid="certificate-card"][data-sha256="${sha256(certs.longCa)}"]`);

  // Cards: the override is shown as \u202E, isolated; the fingerprint after it reads left to right.
  await expect(bidiCard.getByTestId('certificate-name')).toHaveText(BIDI_SHOWN);
  await expect(bidiCard.getByTestId('certificate-name').locator('bdi[dir="auto"]')).toHaveCount(1);
  await expect(bidiCard.getByTestId('sha256')).toHaveText(shownFingerprint(certs.bidiCa));
  await expectReadsLeftToRight(bidiCard.getByTestId('sha256'));
  await expect(bidiCard).toContainText('Added from partner\\u202Egnp.pem');
  // The 64 KB name is cut on screen; the whole value is in the title and a copy button.
  const longName = longCard.getByTestId('certificate-name').getByTestId('cert-text');
  await expect(longName).toHaveAttribute('data-cut', 'true');
  expect((await longName.textContent())!.length).toBeLessThan(200);
  expect((await longName.getAttribute('title'))!.length).toBe(certs.longName.length);
  await expect(longCard.getByRole('button', { name: /^Copy the whole name of Long/ })).toBeVisible();

  // Findings and the file list: the quoted name and the file name are escaped and isolated.
  await expect(cluster.finding('expired')).toContainText('"Retired \\u202EAC dlO"');
  await expect(cluster.finding('expired')).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  await expect(page.getByTestId('file-list')).toContainText('partner\\u202Egnp.pem');

  // Diff: name, expiry and the whole fingerprint, in order.
  const added = page.getByTestId('diff-added');
  const bidiLine = added.locator(`[data-testid="diff-certificate"][data-sha256="${sha256(certs.bidiCa)}"]`);
  await expect(bidiLine).toContainText(BIDI_SHOWN);
  await expect(bidiLine.locator('[data-fingerprint="sha256"]')).toHaveText(shownFingerprint(certs.bidiCa));
  await expectReadsLeftToRight(bidiLine.locator('[data-fingerprint="sha256"]'));

  // Exports open: long base64 lines scroll inside their own box.
  for (const summary of await page.getByTestId('exports').locator('summary').all()) await summary.click();
  await atBothWidths(page, 'editor with hostile names, findings and exports open', () =>
    expectReadsLeftToRight(bidiLine.locator('[data-fingerprint="sha256"]')),
  );

  // Apply the bidi CA. The expired one is an error; the 64 KB one the server refuses (a certificate longer than
  // 16,384 characters), so it reaches ARM below by another way.
  await page.getByRole('button', { name: 'Remove retired.pem' }).click();
  await page.getByRole('button', { name: 'Remove long-name.pem' }).click();
  await expect(cluster.applyReason()).toContainText('Ready');
  await cluster.applyAndConfirm();
  await page.waitForURL(ROLLOUT_URL);
  await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });
  const trusted = page.getByTestId('trusted-certificate').filter({ hasText: BIDI_SHOWN });
  await expect(trusted).toHaveCount(1);
  await expect(trusted.locator('[data-fingerprint="sha256"]')).toHaveText(shownFingerprint(certs.bidiCa));
  await atBothWidths(page, 'rollout read-back of hostile names', () =>
    expectReadsLeftToRight(trusted.locator('[data-fingerprint="sha256"]')),
  );

  // The cluster page now holds the bidi CA; the 64 KB one is added as az would (a PUT straight to ARM).
  await changeCaBundleElsewhere(WEB, [...caBundle(await readCluster(WEB)), certs.longCa]);
  await cluster.open(WEB);
  const current = cluster.currentBundle();
  await expect(current.getByTestId('certificate-card')).toHaveCount(4);
  await expect(
    current.locator(
      `[data-testid="certificate-card"][data-sha256="${sha256(certs.longCa)}"] [data-testid="certificate-name"] [data-cut="true"]`,
    ),
  ).toHaveCount(1);
  const currentBidi = current.locator(`[data-testid="certificate-card"][data-sha256="${sha256(certs.bidiCa)}"]`);
  await expect(currentBidi.getByTestId('certificate-name')).toHaveText(BIDI_SHOWN);
  await currentBidi.getByText('All fields').click();
  await expect(currentBidi.locator('details')).toContainText(BIDI_SHOWN);
  await atBothWidths(page, 'cluster page with hostile names in its current bundle', () =>
    expectReadsLeftToRight(currentBidi.getByTestId('sha256')),
  );
});
