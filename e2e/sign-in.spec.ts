import { expect, signInWithMsal, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { InventoryPage } from './pages/inventory-page';
import { DEMO_APP_URL, EMULATOR_URL, MSAL_APP_URL } from './environment';
import { clusterPagePath, WEB } from './support/arm';

test.describe('MSAL sign-in against the emulator (production path)', () => {
  test('signs in through the Entra look-alike, shows the persona, and signs out', async ({ page, appShell: shell }) => {
    await page.goto(MSAL_APP_URL);
    await expect(page.getByTestId('home-environment')).toContainText('Local emulator');
    await expect(shell.environment()).toContainText('Local emulator');

    await shell.startSignIn();
    await page.waitForURL(new RegExp(`^${EMULATOR_URL}/organizations/oauth2/v2.0/authorize`));
    await page.getByRole('button', { name: /Olivia Owner/ }).click();

    await expect(shell.signedInAs()).toContainText('Olivia Owner', { timeout: 30_000 });
    await expect(page).toHaveURL(`${MSAL_APP_URL}/`);

    await shell.signOut();
    // Like Entra, the emulator returns to post_logout_redirect_uri with a state parameter.
    await page.waitForURL(new RegExp(`^${MSAL_APP_URL}/(\\?.*)?$`));
    await shell.expectSignedOut();
  });
});

test.describe('switching accounts', () => {
  test("a signed-in user picks another account and sees that account's subscriptions", async ({ page, appShell }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await page.getByRole('button', { name: 'Switch account' }).click();
    await page.waitForURL(new RegExp(`^${EMULATOR_URL}/`));
    await page.getByRole('button', { name: /Ravi Reader/ }).click();
    await expect(appShell.signedInAs()).toContainText('Ravi Reader', { timeout: 30_000 });
    await expect(page.getByTestId('inventory-status')).toHaveText('5 clusters in 1 subscription.', { timeout: 30_000 });
  });
});

const HOME_TENANT = '72f988bf-0000-4000-8000-000000000001';

test.describe('tabs of one user', () => {
  test('a second tab is signed in from the shared cache, without a sign-in round trip', async ({ page, context }) => {
    await signInWithMsal(page, 'Olivia Owner');
    // The first tab holds a token for every tenant once its inventory is done (one silent token per tenant).
    await expect(page.getByTestId('inventory-status')).toContainText(/clusters? in \d+ subscriptions?/, {
      timeout: 30_000,
    });
    const second = await context.newPage();
    const signInRequests: string[] = [];
    second.on('request', (request) => {
      // A token for another tenant may be fetched silently (MSAL caches tokens per tenant profile); a sign-in
      // round trip (authorize) or a new token for the home tenant must not happen.
      const url = request.url();
      if (!url.startsWith(EMULATOR_URL)) return;
      if (/\/oauth2\/v2\.0\/authorize/.test(url) || url.includes(`/${HOME_TENANT}/oauth2/v2.0/token`))
        signInRequests.push(url);
    });
    await second.goto(MSAL_APP_URL);
    await expect(new AppShell(second).signedInAs()).toContainText('Olivia Owner');
    await expect(second.getByTestId('inventory-status')).toContainText(/clusters? in \d+ subscriptions?/, {
      timeout: 30_000,
    });
    // The ARM token came from the cache both tabs share: no authorize redirect, no token request.
    expect(signInRequests).toEqual([]);
  });

  test('a second tab, its tokens fresh in the cache, loads no MSAL on the inventory (both tenants) or a cluster page; sign-out there still works', async ({
    page,
    context,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await expect(page.getByTestId('inventory-status')).toContainText(/clusters? in \d+ subscriptions?/, {
      timeout: 30_000,
    });
    const second = await context.newPage();
    const msalScripts: string[] = [];
    const tokenCalls: string[] = [];
    second.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      // Method names survive minification (bench/support/script-sizes.ts uses the same signature).
      const body = await response.text().catch(() => '');
      if (/acquireTokenSilent|handleRedirectPromise/.test(body)) msalScripts.push(response.url());
    });
    second.on('request', (request) => {
      if (request.url().startsWith(EMULATOR_URL)) tokenCalls.push(request.url());
    });
    // The inventory needs a token for each of Olivia's tenants (Contoso, her home, and Fabrikam, where she is a
    // guest): MSAL cached both under her one account (Entra's client_info names the home account for every tenant).
    await second.goto(MSAL_APP_URL);
    const shell = new AppShell(second);
    await expect(shell.signedInAs()).toContainText('Olivia Owner');
    const inventory = new InventoryPage(second);
    await inventory.waitUntilLoaded();
    await expect(inventory.status()).toHaveText('13 clusters in 4 subscriptions.');
    await expect(inventory.subscription('fabrikam-platform').getByTestId('subscription-cluster-count')).toBeVisible();
    await second.goto(`${MSAL_APP_URL}${clusterPagePath(WEB)}`);
    await expect(second.getByTestId('cluster-status')).toHaveText(/Read from Azure/, { timeout: 30_000 });
    await expect(second.getByTestId('certificate-card').first()).toBeVisible();
    // Every ARM call of both pages was made with a token read from MSAL's cache, by our code alone.
    expect(tokenCalls).toEqual([]);
    expect(msalScripts).toEqual([]);

    // Sign-out loads MSAL on the click and ends the session for both tabs.
    await shell.signOut();
    await second.waitForURL(new RegExp(`^${MSAL_APP_URL}/(\\?.*)?$`));
    await shell.expectSignedOut();
    expect(msalScripts.length).toBeGreaterThan(0);
  });
});

test.describe('demo sign-in (no certificate step in the browser)', () => {
  // A stock browser: the emulator's certificate is not trusted, so the browser must never need to reach it.
  test.use({ ignoreHTTPSErrors: false });

  test('picks a persona and is signed in without the browser contacting the emulator', async ({
    page,
    appShell: shell,
  }) => {
    const emulatorRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(EMULATOR_URL)) emulatorRequests.push(request.url());
    });
    await page.goto(DEMO_APP_URL);
    await shell.startSignIn();
    await page.waitForURL(`${DEMO_APP_URL}/sign-in`);
    await page.getByRole('button', { name: /Continue as Ravi Reader/ }).click();

    await page.waitForURL(`${DEMO_APP_URL}/`);
    await expect(shell.signedInAs()).toContainText('Ravi Reader');
    expect(emulatorRequests).toEqual([]);

    await shell.signOut();
    await shell.expectSignedOut();
  });
});
