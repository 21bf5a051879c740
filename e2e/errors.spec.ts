import { readFileSync } from 'node:fs';
import { expect, expectAccessible, signInWithMsal, test } from './fixtures';
import { MSAL_APP_URL } from './environment';
import { WEB } from './support/arm';
import { makeEditorFixtures } from './support/certificates';

const TEN_MB = 10 * 1024 * 1024;

for (const path of [
  '/clusters/%E0%A4%A/x/y',
  '/clusters/00000000-aaaa-4000-8000-000000000001/%E0%A4%A/aks/rollout',
  '/clusters/%ZZ',
  '/no-such-page',
]) {
  test(`${path} answers the not-found page (404, never a 500)`, async ({ page }) => {
    const response = await page.goto(`${MSAL_APP_URL}${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the inventory' })).toHaveAttribute('href', '/');
    await expect(page.getByTestId('environment')).toContainText('Local emulator');
    await expectAccessible(page, `not found: ${path}`);
  });
}

test('a 10 MB server-action body is refused with 413 and a typed reason, not a 500', async ({ request }) => {
  const response = await request.post(`${MSAL_APP_URL}/`, {
    headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    data: 'x'.repeat(TEN_MB),
  });
  expect(response.status()).toBe(413);
  expect(response.headers()['content-type']).toBe('text/plain');
  expect(await response.text()).toMatch(/^RequestTooLarge: /);
});

test('server action bodies Next cannot decode are a 400 (or 413 when too large), never a 500', async ({ request }) => {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const getCluster = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'getCluster')![0];
  const page = `${MSAL_APP_URL}/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}`;
  const send = (data: string | Buffer, contentType = 'text/plain;charset=UTF-8') =>
    request.post(page, { headers: { 'next-action': getCluster, 'content-type': contentType }, data });
  for (const body of ['[', 'garbage', '{"a":1}', '["$Q1",{}]']) {
    const response = await send(body);
    expect(response.status(), body).toBe(400);
    expect(await response.text()).toMatch(/^BadRequest: /);
  }
  const multipart = await request.post(page, { headers: { 'next-action': getCluster }, multipart: { a: 'b' } });
  expect(multipart.status()).toBe(400);
  // A well-formed call without a token is the action's own typed answer.
  const noToken = await send('["$undefined",{}]');
  expect(noToken.status()).toBe(200);
  expect(await noToken.text()).toContain('"code":"SignInRequired"');
});

test('an apply whose request grew over the limit is explained as too large; nothing is applied', async ({
  page,
  emulator: _,
  clusterPage: cluster,
}) => {
  const certs = await makeEditorFixtures();
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);
  await cluster.addFile('partner-root.crt', certs.goodCa);
  await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
  // The apply action's body, padded to 10 MB on its way (JSON allows trailing white space).
  let padded = 0;
  await page.route(
    (url) => url.pathname.startsWith('/clusters/'),
    async (route) => {
      const body = route.request().postData();
      if (route.request().method() === 'POST' && route.request().headers()['next-action'] && body?.includes('BEGIN')) {
        padded += 1;
        await route.continue({ postData: body + ' '.repeat(TEN_MB) });
      } else await route.continue();
    },
  );
  await cluster.applyAndConfirm();
  const alert = page.getByRole('alert').filter({ hasText: 'The change is too large to send' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('Nothing was applied. The request was larger than the server accepts (1 MB');
  expect(padded).toBe(1);
  expect(page.url()).not.toContain('/rollout');
  await expectAccessible(page, 'apply too large');
});
