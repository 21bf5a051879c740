import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { CONTOSO_STAGING } from './rollout-arm';
import { clustersOf } from './support/cluster-lists';
import { DEMO_APP_URL, EMULATOR_URL, MSAL_APP_URL } from './environment';
import { withTenantInteraction } from './support/emulator-settings';

const FABRIKAM = '72f988bf-0000-4000-8000-000000000002';

test.describe('inventory across tenants', () => {
  test('the owner sees the clusters of both tenants in the default view; the tenant filter stays in the URL', async ({
    page,
    emulator: _,
    inventoryPage: inventory,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await inventory.waitUntilLoaded();
    await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
    await expect(page.getByText('Showing 13 of 13 clusters in 2 tenants.')).toBeVisible();
    // Earliest expiry first, across tenants: Fabrikam's expired CA, then Contoso's expiring one.
    expect((await inventory.clusterNames()).slice(0, 2)).toEqual(['aks-core-gwc', 'aks-staging-eus2']);
    await expect(inventory.row('aks-core-gwc')).toHaveAttribute('data-tenant', 'Fabrikam');
    await expect(inventory.row('aks-staging-eus2')).toHaveAttribute('data-tenant', 'Contoso');
    await expect(page.getByRole('columnheader', { name: 'Tenant' })).toBeVisible();
    await expectAccessible(page, 'inventory of every tenant');

    await inventory.chooseTenant('Fabrikam');
    await expect(page).toHaveURL(new RegExp(`[?&]tenant=${FABRIKAM}`));
    await expect(inventory.rows()).toHaveCount(5);
    await page.getByRole('button', { name: 'Cluster', exact: true }).click();
    await expect(page).toHaveURL(/sort=name/);
    await page.reload();
    await inventory.waitUntilLoaded();
    await expect(inventory.rows()).toHaveCount(5);
    await expect(inventory.tenantFilter()).toHaveValue(FABRIKAM);
    expect(await inventory.clusterNames()).toEqual([...(await inventory.clusterNames())].sort());
    await inventory.chooseTenant('All tenants');
    await expect(inventory.rows()).toHaveCount(13);
    await expect(page).not.toHaveURL(/tenant=/);
  });

  test('a tenant that needs interaction shows its button while the other loads; the button signs in to it', async ({
    page,
    emulator: _,
    inventoryPage: inventory,
  }) => {
    await withTenantInteraction(FABRIKAM, 'mfa', async () => {
      await signInWithMsal(page, 'Olivia Owner');
      const fabrikam = inventory.tenantNotice('Fabrikam');
      await expect(fabrikam.getByRole('button', { name: /Sign in to this tenant/ })).toBeVisible({ timeout: 30_000 });
      await expect(fabrikam).toContainText('multi-factor authentication');
      // Contoso is not held up by it.
      await inventory.waitUntilLoaded();
      await expect(inventory.status()).toHaveText('8 clusters in 2 subscriptions.');
      await expect(inventory.row('aks-staging-eus2')).toBeVisible();
      await expect(inventory.row('aks-core-gwc')).toHaveCount(0);
      await expectAccessible(page, 'inventory with a tenant that needs sign-in');

      await fabrikam.getByRole('button', { name: /Sign in to this tenant/ }).click();
      await page.waitForURL(new RegExp(`^${EMULATOR_URL}/${FABRIKAM}/`));
      await page.getByRole('button', { name: /Olivia Owner/ }).click();
      await expect(page).toHaveURL(`${MSAL_APP_URL}/`, { timeout: 30_000 });
      await inventory.waitUntilLoaded();
      await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
      await expect(inventory.tenantNotice('Fabrikam')).toHaveCount(0);
      await expect(inventory.row('aks-core-gwc')).toBeVisible();
    });
  });

  test('demo mode lists every tenant too', async ({ page, emulator: _, inventoryPage: inventory }) => {
    await page.goto(`${DEMO_APP_URL}/sign-in`);
    await page.getByRole('button', { name: /Olivia Owner/ }).click();
    await inventory.waitUntilLoaded();
    await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
    await expect(inventory.row('aks-core-gwc')).toHaveAttribute('data-tenant', 'Fabrikam');
  });
});

test.describe('inventory while it streams', () => {
  test('rows already shown stay in place when a late subscription arrives; "Sort now" applies the sort', async ({
    page,
    emulator,
    inventoryPage: inventory,
  }) => {
    await emulator.addFault({ method: 'GET', path: clustersOf(CONTOSO_STAGING), latencyMs: 15_000 });
    await signInWithMsal(page, 'Olivia Owner');
    await expect(inventory.row('aks-core-gwc')).toBeVisible({ timeout: 30_000 });
    await expect(inventory.status()).toHaveText(/^Loading/);
    // The user is reading: input during the load keeps the order they see.
    await page.mouse.move(200, 200);
    await page.mouse.wheel(0, 1);
    const seen = await inventory.clusterNames();
    expect(seen).not.toContain('aks-staging-eus2');
    await inventory.waitUntilLoaded();
    await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
    const after = await inventory.clusterNames();
    expect(after.slice(0, seen.length)).toEqual(seen);
    expect(after.slice(seen.length)).toContain('aks-staging-eus2');
    const notice = page.getByTestId('unsorted-rows');
    // The late subscription's three clusters, and any other rows added since the last sort.
    await expect(notice).toContainText(/\d+ rows arrived after sorting/);
    await notice.getByRole('button', { name: 'Sort now' }).click();
    await expect(notice).toHaveCount(0);
    expect((await inventory.clusterNames()).slice(0, 2)).toEqual(['aks-core-gwc', 'aks-staging-eus2']);
  });

  test('untouched, the page ends sorted: the rows already drawn are drawn anew in order, none slides (no layout shift)', async ({
    page,
    emulator,
    inventoryPage: inventory,
  }) => {
    await page.addInitScript(() => {
      const shifts: number[] = [];
      Object.assign(window, { __layoutShifts: shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // contoso-staging holds the second-earliest expiry; it answers after the other rows are on screen.
    await emulator.addFault({ method: 'GET', path: clustersOf(CONTOSO_STAGING), latencyMs: 3_000 });
    await signInWithMsal(page, 'Olivia Owner');
    await expect(inventory.row('aks-core-gwc')).toBeVisible({ timeout: 30_000 });
    await expect(inventory.status()).toHaveText(/^Loading/);
    const before = await inventory.clusterNames();
    expect(before).not.toContain('aks-staging-eus2');
    await inventory.waitUntilLoaded();
    expect((await inventory.clusterNames()).slice(0, 2)).toEqual(['aks-core-gwc', 'aks-staging-eus2']);
    await expect(page.getByTestId('unsorted-rows')).toHaveCount(0);
    const shifts = await page.evaluate(() => (window as unknown as { __layoutShifts: number[] }).__layoutShifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.05);
  });
});

for (const width of [390, 1366]) {
  test(`at ${width} px the inventory fits the screen: CA count and expiry without sideways scroll`, async ({
    page,
    emulator: _,
    inventoryPage: inventory,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await signInWithMsal(page, 'Olivia Owner');
    await inventory.waitUntilLoaded();
    const row = inventory.row('aks-core-gwc');
    for (const cell of ['ca-count', 'earliest-expiry']) {
      await expect(row.getByTestId(cell)).toBeVisible();
      const box = (await row.getByTestId(cell).boundingBox())!;
      expect(box.x + box.width, `${cell} inside the viewport`).toBeLessThanOrEqual(width);
    }
    await expect(row.getByTestId('earliest-expiry')).toContainText('Expired');
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // What sticks out, for the failure message.
      wide: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120)),
    }));
    expect(overflow.width, overflow.wide.join('\n')).toBeLessThanOrEqual(width);
    // The search placeholder is shown whole.
    const search = page.getByLabel('Search by name');
    const fits = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    });
    expect(fits, 'placeholder "cluster or resource group" is not cut').toBe(true);
    await expectAccessible(page, `inventory at ${width} px, light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `inventory at ${width} px, dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  });
}
