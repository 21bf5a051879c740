import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { CONTOSO_STAGING } from './rollout-arm';
import { clustersOf } from './support/cluster-lists';
import { EMULATOR_URL, MSAL_APP_URL } from './environment';
import { revokeSessions, withShortLivedTokens } from './support/emulator-settings';

test.describe('fleet inventory', () => {
  test('the owner sees every cluster of each tenant with CA counts and expiry, earliest expiry first', async ({
    page,
    emulator: _,
    inventoryPage: inventory,
    appShell: shell,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await inventory.waitUntilLoaded();
    // Every tenant by default (e2e/inventory-fleet.spec.ts); this test looks at one tenant at a time.
    await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
    await inventory.chooseTenant('Contoso');
    // contoso-prod holds the big seed clusters aks-big-400-weu and aks-big-1000-weu too.
    await expect(inventory.rows()).toHaveCount(8);

    // Sorted by earliest CA expiry: the answer to "which CA expires first" is the first row.
    expect((await inventory.clusterNames())[0]).toBe('aks-staging-eus2');
    await expect(inventory.row('aks-staging-eus2').getByTestId('earliest-expiry')).toContainText(
      /Expiring.*expires in (19|20) days/,
    );
    await expect(inventory.row('aks-web-prod-neu').getByTestId('ca-count')).toHaveText('2');
    await expect(inventory.row('aks-payments-prod-weu').getByTestId('earliest-expiry')).toContainText('OK');
    await expect(inventory.row('aks-dev-eus2').getByTestId('earliest-expiry')).toHaveText('No custom CA');
    await expect(inventory.row('aks-legacy-win-weu')).toContainText('Windows pools get no custom CAs');
    await expect(inventory.row('aks-dev-eus2')).toContainText('Stopped');
    await expectAccessible(page, 'owner inventory');

    // Filters live in the URL: a reload shows the same view.
    await page
      .getByRole('search')
      .getByRole('combobox', { name: /^CA expiry/ })
      .selectOption({ label: 'Needs attention' });
    await expect(page).toHaveURL(/expiry=attention/);
    await expect(inventory.rows()).toHaveCount(1);
    await page.reload();
    await inventory.waitUntilLoaded();
    await expect(inventory.rows()).toHaveCount(1);
    await page
      .getByRole('search')
      .getByRole('combobox', { name: /^CA expiry/ })
      .selectOption({ label: 'Any' });

    // The other tenant: an expired CA still trusted is an error finding on the cluster.
    await inventory.chooseTenant('Fabrikam');
    // Chosen right after resetting the filter: both changes must stick.
    await expect(page).toHaveURL(/[?&]tenant=72f988bf-0000-4000-8000-000000000002/);
    await expect(page).not.toHaveURL(/expiry=/);
    await inventory.waitUntilLoaded();
    await expect(inventory.rows()).toHaveCount(5);
    expect((await inventory.clusterNames())[0]).toBe('aks-core-gwc');
    await expect(inventory.row('aks-core-gwc').getByTestId('earliest-expiry')).toContainText(
      /Expired.*expired 12 days ago/,
    );
    await expect(inventory.row('aks-core-gwc').getByTestId('ca-count')).toContainText('1 problem');
    await expect(inventory.row('aks-data-gwc')).toContainText('Failed');
    await expectAccessible(page, 'owner inventory, second tenant');

    await shell.signOut();
    await page.waitForURL(new RegExp(`^${MSAL_APP_URL}/(\\?.*)?$`));
    await shell.expectSignedOut();
    await expect(page.getByTestId('home-environment')).toBeVisible();
  });

  test('the reader sees only its subscription', async ({ page, emulator: _, inventoryPage: inventory }) => {
    await signInWithMsal(page, 'Ravi Reader');
    await inventory.waitUntilLoaded();
    await expect(inventory.status()).toHaveText('5 clusters in 1 subscription.');
    await expect(page.getByTestId('subscription')).toHaveCount(1);
    await expect(inventory.subscription('contoso-prod')).toBeVisible();
  });

  test('an account without roles sees the empty state', async ({ page, emulator: _ }) => {
    await signInWithMsal(page, 'Nora Nobody');
    await expect(page.getByTestId('empty-subscriptions')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('empty-subscriptions')).toContainText('No subscriptions');
    await expectAccessible(page, 'empty inventory');
  });

  test('a failing subscription shows its own error and a retry while the others load', async ({
    page,
    emulator,
    inventoryPage: inventory,
  }) => {
    // Four failures: the SDK's first attempt and its three retries.
    await emulator.addFault({
      method: 'GET',
      path: clustersOf(CONTOSO_STAGING),
      status: 500,
      code: 'InternalServerError',
      message: 'Simulated outage',
      count: 4,
    });
    await signInWithMsal(page, 'Olivia Owner');
    await inventory.waitUntilLoaded();
    // contoso-prod and Fabrikam's two subscriptions load; contoso-staging shows its error.
    await expect(inventory.status()).toHaveText('10 clusters in 4 subscriptions.');
    const staging = inventory.subscription('contoso-staging');
    await expect(staging.getByRole('alert')).toContainText('HTTP 500 (InternalServerError)');
    await expect(inventory.subscription('contoso-prod').getByTestId('subscription-cluster-count')).toHaveText(
      '5 clusters',
    );
    await expectAccessible(page, 'inventory with a failed subscription');

    await staging.getByRole('button', { name: 'Retry contoso-staging' }).click();
    await expect(staging.getByTestId('subscription-cluster-count')).toHaveText('3 clusters');
    await expect(inventory.rows()).toHaveCount(13);
  });

  test('a burst of 429s is retried after Retry-After and the page completes', async ({
    page,
    emulator,
    inventoryPage: inventory,
  }) => {
    await emulator.addFault({
      method: 'GET',
      path: '/providers/Microsoft.ContainerService/managedClusters',
      status: 429,
      count: 3,
      retryAfterSeconds: 1,
    });
    await signInWithMsal(page, 'Olivia Owner');
    await inventory.waitUntilLoaded();
    await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
    expect((await emulator.faultHits()).every((fault) => fault.remaining === 0)).toBe(true);
  });
});

test.describe('when the sign-in ends', () => {
  test('sessions revoked elsewhere: the inventory shows "Sign in again" and stays on the page until the click', async ({
    page,
    emulator: _,
    inventoryPage: inventory,
  }) => {
    await withShortLivedTokens(async () => {
      await signInWithMsal(page, 'Olivia Owner');
      await inventory.waitUntilLoaded();
      await revokeSessions();
      await page.reload();
      const alert = page.getByTestId('sign-in-again');
      await expect(alert).toContainText('Sign in again to list your clusters', { timeout: 30_000 });
      await expect(page).toHaveURL(`${MSAL_APP_URL}/`);
      await expectAccessible(page, 'sign in again (inventory)');
      await alert.getByRole('button', { name: 'Sign in again' }).click();
      await page.waitForURL(new RegExp(`^${EMULATOR_URL}/`));
    });
  });
});
