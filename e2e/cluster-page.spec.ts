import { readFileSync } from 'node:fs';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { caBundle, CORE, readCluster, WEB } from './support/arm';
import { revokeSessions, withShortLivedTokens } from './support/emulator-settings';
import { EMULATOR_URL } from './environment';

test('the inventory links to the cluster page with its tenant: facts, pools, the current bundle decoded and downloadable', async ({
  page,
  emulator: _,
  inventoryPage: inventory,
  clusterPage: cluster,
}) => {
  await signInWithMsal(page, 'Olivia Owner');
  await inventory.waitUntilLoaded();
  await inventory.chooseTenant('Fabrikam');
  await inventory.waitUntilLoaded();
  await inventory.row(CORE.name).getByRole('link', { name: CORE.name }).click();
  await expect(page).toHaveURL(
    new RegExp(`/clusters/${CORE.subscriptionId}/${CORE.resourceGroup}/${CORE.name}\\?tenant=${CORE.tenantId}$`),
  );

  await expect(page.getByTestId('cluster-status')).toHaveText(/Read from Azure/, { timeout: 30_000 });
  await expect(cluster.state()).toContainText('Succeeded');
  await expect(page.getByTestId('agent-pool')).toHaveCount(2);
  await expect(page.locator('[data-testid="agent-pool"][data-pool="workload"]')).toContainText(/Linux.*User.*8.*25%/);

  const cards = cluster.currentBundle().getByTestId('certificate-card');
  await expect(cards).toHaveCount(2);
  await expect(cluster.currentBundle().locator('[data-expiry-status="expired"]').first()).toBeVisible();
  await expect(cluster.currentBundle().getByRole('alert')).toContainText('expired');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the bundle (PEM)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${CORE.name}-ca-bundle.pem`);
  const text = readFileSync(await file.path(), 'utf8');
  const entries = caBundle(await readCluster(CORE));
  expect(text.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(entries.length);
});

test('sessions revoked elsewhere: a refresh of the cluster page shows "Sign in again" and keeps the page', async ({
  page,
  emulator: _,
  clusterPage: cluster,
}) => {
  await withShortLivedTokens(async () => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    const url = page.url();
    await revokeSessions();
    await cluster.refresh();
    const alert = page.getByTestId('sign-in-again');
    await expect(alert).toContainText('Sign in again to see this cluster', { timeout: 30_000 });
    expect(page.url()).toBe(url);
    await expect(cluster.currentBundle()).toBeVisible();
    await expectAccessible(page, 'sign in again (cluster page)');
    await alert.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL(new RegExp(`^${EMULATOR_URL}/`));
  });
});
