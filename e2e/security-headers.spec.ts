import type { APIResponse } from '@playwright/test';
import { expect, signInWithMsal, test } from './fixtures';
import { DEMO_APP_URL, EMULATOR_URL, MSAL_APP_URL } from './environment';
import { clusterPagePath, WEB } from './support/arm';
import { makeEditorFixtures } from './support/certificates';
import { watchCspViolations } from './support/csp-watch';
import { withShortLivedTokens } from './support/emulator-settings';

const rolloutPath = `/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}/rollout?tenant=${WEB.tenantId}`;
const DOCUMENTS = { home: '/', cluster: clusterPagePath(WEB), rollout: rolloutPath, redirect: '/auth/redirect' };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

function expectStaticHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('SAMEORIGIN');
  expect(headers['permissions-policy'], what).toMatch(/camera=\(\).*microphone=\(\)/);
}

function expectDocumentCsp(response: APIResponse, what: string): string {
  const csp = response.headers()['content-security-policy'];
  expect(csp, what).toBeTruthy();
  const d = directives(csp!);
  const nonce = /'nonce-([^']+)'/.exec(d.get('script-src')!.join(' '))?.[1];
  expect(nonce, `${what}: script nonce`).toBeTruthy();
  expect(d.get('script-src'), what).not.toContain("'unsafe-inline'");
  expect(csp, what).not.toContain('unsafe-eval');
  expect(d.get('connect-src'), what).toEqual(["'self'", new URL(EMULATOR_URL).origin]);
  expect(d.get('frame-src'), what).toEqual(["'self'", new URL(EMULATOR_URL).origin]);
  expect(d.get('frame-ancestors'), what).toEqual(["'self'"]);
  expect(d.get('object-src'), what).toEqual(["'none'"]);
  expect(d.get('base-uri'), what).toEqual(["'self'"]);
  expect(d.get('form-action'), what).toEqual(["'self'"]);
  return nonce!;
}

test('every response carries the security headers: documents a nonce CSP, route handlers and static chunks the rest', async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const [name, path] of Object.entries(DOCUMENTS)) {
    const response = await request.get(`${MSAL_APP_URL}${path}`);
    expect(response.status(), name).toBe(200);
    expectStaticHeaders(response, name);
    const nonce = expectDocumentCsp(response, name);
    nonces.add(nonce);
    // Next puts the nonce on its own scripts; no script goes without it.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, name).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${name}: ${tag}`).toContain(`nonce="${nonce}"`);
    // Over plain http, and with no proxy trusted: no HSTS.
    expect(response.headers()['strict-transport-security'], name).toBeUndefined();
  }
  expect(nonces.size, 'a fresh nonce per response').toBe(Object.keys(DOCUMENTS).length);

  const home = await (await request.get(MSAL_APP_URL)).text();
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(home)?.[0];
  expect(chunk).toBeTruthy();
  const staticChunk = await request.get(`${MSAL_APP_URL}${chunk}`);
  expect(staticChunk.status()).toBe(200);
  expectStaticHeaders(staticChunk, 'static chunk');
  expect(staticChunk.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

  const health = await request.get(`${MSAL_APP_URL}/api/health`);
  expect(health.status()).toBe(200);
  expectStaticHeaders(health, 'health route');
  const inventory = await request.post(`${MSAL_APP_URL}/api/inventory`);
  expect(inventory.status()).toBe(401);
  expectStaticHeaders(inventory, 'inventory route');
  expect(inventory.headers()['content-security-policy']).toBeTruthy();
});

test('HSTS only when a proxy the operator declared trusted (TRUST_FORWARDED_PROTO) says https', async ({ request }) => {
  const https = { 'x-forwarded-proto': 'https' };
  // The MSAL app trusts no proxy: a client cannot ask for HSTS by sending the header itself.
  expect((await request.get(MSAL_APP_URL, { headers: https })).headers()['strict-transport-security']).toBeUndefined();
  // The demo app is started with TRUST_FORWARDED_PROTO=true (e2e/environment.ts).
  const behindProxy = await request.get(`${DEMO_APP_URL}/auth/redirect`, { headers: https });
  expect(behindProxy.headers()['strict-transport-security']).toBe('max-age=63072000');
  expect((await request.get(DEMO_APP_URL)).headers()['strict-transport-security']).toBeUndefined();
});

test('MSAL sign-in, silent renewal (refresh and hidden iframe), inventory, cluster page, apply and rollout run with no CSP violation', async ({
  page,
  context,
  emulator,
  clusterPage: cluster,
  rolloutPage: rollout,
  inventoryPage,
}) => {
  test.setTimeout(180_000);
  await emulator.setSpeed(500);
  const violations = await watchCspViolations(context, page);
  const silentAuthorize: string[] = [];
  const refreshGrants: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${EMULATOR_URL}/`)) return;
    if (/[?&]prompt=none\b/.test(request.url())) silentAuthorize.push(request.url());
    if (request.method() === 'POST' && /grant_type=refresh_token/.test(request.postData() ?? ''))
      refreshGrants.push(request.url());
  });
  const certs = await makeEditorFixtures();

  await withShortLivedTokens(async () => {
    await signInWithMsal(page, 'Olivia Owner');
    await inventoryPage.waitUntilLoaded();
    await cluster.open(WEB);
    // Short-lived tokens: every token call was a refresh-token grant to the authority (connect-src).
    expect(refreshGrants.length).toBeGreaterThan(0);

    await cluster.addFile('partner-root.crt', certs.goodCa);
    await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
    await cluster.applyAndConfirm();
    await page.waitForURL(/\/rollout\?op=/);
    await rollout.waitForLive();
    await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });
    // Without a refresh token MSAL renews through its hidden iframe (prompt=none): the authority in an iframe, then
    // /auth/redirect of ours inside it (frame-src and frame-ancestors).
    const removed = await page.evaluate(() => {
      const keys = Object.keys(localStorage).filter((key) => /refreshtoken/i.test(key));
      for (const key of keys) localStorage.removeItem(key);
      return keys.length;
    });
    expect(removed).toBeGreaterThan(0);
    const bridgeInFrame: string[] = [];
    page.on('request', (request) => {
      if (request.frame() !== page.mainFrame() && new URL(request.url()).pathname.startsWith('/_next/static/'))
        bridgeInFrame.push(request.url());
    });
    await page.goto(clusterPagePath(WEB));
    // The authority answered the iframe with login_required (a browser context like this one blocks third-party
    // cookies, so the authority's session cookie is not sent inside the iframe); that answer reached MSAL only
    // because /auth/redirect loaded and ran inside the iframe under our CSP: a blocked bridge would time out.
    const again = page.getByTestId('sign-in-again');
    await expect(again).toContainText('Your sign-in session has ended', { timeout: 30_000 });
    expect(silentAuthorize.length).toBeGreaterThan(0);
    expect(bridgeInFrame.length, 'the redirect bridge loaded its scripts inside the iframe').toBeGreaterThan(0);

    await page.goto(`${MSAL_APP_URL}/no-such-page`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
  expect(violations).toEqual([]);
});
