import { readFileSync } from 'node:fs';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { daysLeft, readSeedFleet, type SeedFleet } from './support/fleet-seed';

const sorted = (names: string[]) => [...names].sort();

/** The clusters of the seed (optionally in one tenant or subscription) that do not trust the CA. */
function lacking(seed: SeedFleet, sha256: string, where: { tenant?: string; subscription?: string } = {}) {
  return seed.clusters
    .filter((c) => !c.cas.includes(sha256))
    .filter((c) => !where.tenant || c.tenant === where.tenant)
    .filter((c) => !where.subscription || c.subscription === where.subscription)
    .map((c) => c.name);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

test.describe('fleet CA index', () => {
  test('finds a CA by fingerprint across both tenants and lists trusting and non-trusting clusters for a scope', async ({
    page,
    emulator: _,
    fleetPage: fleet,
  }) => {
    const seed = await readSeedFleet();
    const root = seed.byName('Contoso Root CA G2');
    await signInWithMsal(page, 'Olivia Owner');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CA index' }).click();
    await fleet.waitUntilLoaded();
    await expect(fleet.status()).toHaveText(
      `${seed.clusters.length} clusters in 4 subscriptions of 2 tenants; ${seed.cas.size} distinct CAs.`,
    );
    await expect(fleet.entries()).toHaveCount(seed.cas.size);
    await expectAccessible(page, 'CA index');

    // The fingerprint as a certificate viewer shows it: upper case with colons.
    await fleet.search().fill(root.colonSha256);
    await expect(fleet.entries()).toHaveCount(1);
    await expect(fleet.entries().first()).toHaveAttribute('data-sha256', root.sha256);
    await expect(fleet.entries().first().getByTestId('trust-count')).toHaveText(
      `Trusted by ${root.clusters.length} clusters`,
    );
    await expect(page).toHaveURL(/[?&]q=/);
    // Without colons, lower case: the same CA.
    await fleet.search().fill(root.sha256);
    await expect(fleet.entries()).toHaveCount(1);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${root.sha256}$`));
    await page.reload();
    await fleet.waitUntilLoaded();
    await expect(fleet.search()).toHaveValue(root.sha256);
    await expect(fleet.entries()).toHaveCount(1);
    // SHA-1, colon-separated upper case as Windows shows it, and text from the subject: the same CA.
    await fleet.search().fill(root.sha1.toUpperCase().match(/../g)!.join(':'));
    await expect(fleet.entries()).toHaveCount(1);
    await expect(fleet.entries().first()).toHaveAttribute('data-sha256', root.sha256);
    await fleet.search().fill('contoso root ca g2');
    await expect(fleet.entries()).toHaveCount(1);
    await expect(fleet.entries().first()).toHaveAttribute('data-sha256', root.sha256);
    await fleet.search().fill(root.sha256);

    await fleet.entries().first().getByRole('link', { name: 'Contoso Root CA G2', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/cas/${root.sha256}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contoso Root CA G2');
    await expect.poll(async () => sorted(await fleet.names('trusting-cluster'))).toEqual(sorted(root.clusters));
    await expect
      .poll(async () => sorted(await fleet.names('not-trusting-cluster')))
      .toEqual(sorted(lacking(seed, root.sha256)));

    // Scope: one tenant. The URL keeps it.
    await page.getByLabel('Tenant').selectOption({ label: 'Contoso' });
    await expect(page).toHaveURL(/[?&]tenant=/);
    await expect(page.getByTestId('not-trusting-heading')).toHaveText(
      `Do not trust it (${lacking(seed, root.sha256, { tenant: 'Contoso' }).length})`,
    );
    await expect
      .poll(async () => sorted(await fleet.names('not-trusting-cluster')))
      .toEqual(sorted(lacking(seed, root.sha256, { tenant: 'Contoso' })));
    await page.reload();
    await fleet.waitUntilLoaded();
    await expect(page.getByLabel('Tenant')).toHaveValue(seed.clusters.find((c) => c.tenant === 'Contoso')!.tenantId);
    await expect
      .poll(async () => sorted(await fleet.names('not-trusting-cluster')))
      .toEqual(sorted(lacking(seed, root.sha256, { tenant: 'Contoso' })));
    await expectAccessible(page, 'one CA, scoped to a tenant');
  });

  test('a dropped certificate file finds its CA; a subscription scope narrows both lists', async ({
    page,
    emulator: _,
    fleetPage: fleet,
  }) => {
    const seed = await readSeedFleet();
    const fabrikam = seed.byName('Fabrikam Enterprise Root CA');
    await signInWithMsal(page, 'Olivia Owner');
    await page.goto('/cas');
    await fleet.waitUntilLoaded();

    await fleet.dropFile('fabrikam-root.crt', fabrikam.pem);
    const found = page.getByTestId('file-certificate');
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute('data-sha256', fabrikam.sha256);
    await expect(found).toContainText(`trusted by ${fabrikam.clusters.length} clusters`);
    await expectAccessible(page, 'CA index, file dropped');

    await found.getByRole('link', { name: 'Fabrikam Enterprise Root CA', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/cas/${fabrikam.sha256}`));
    await expect.poll(async () => sorted(await fleet.names('trusting-cluster'))).toEqual(sorted(fabrikam.clusters));
    await page.getByLabel('Subscription').selectOption({ label: 'fabrikam-sandbox' });
    await expect(page).toHaveURL(/[?&]subscription=/);
    const inSandbox = seed.clusters.filter((c) => c.subscription === 'fabrikam-sandbox');
    await expect(page.getByTestId('trusting-heading')).toHaveText(
      `Trust this CA (${inSandbox.filter((c) => c.cas.includes(fabrikam.sha256)).length})`,
    );
    await expect
      .poll(async () => sorted(await fleet.names('not-trusting-cluster')))
      .toEqual(sorted(lacking(seed, fabrikam.sha256, { subscription: 'fabrikam-sandbox' })));

    // A CA nobody trusts yet: every cluster in scope lacks it.
    await page.goto(`/cas/${'ab'.repeat(32)}?cluster=payments`);
    await fleet.waitUntilLoaded();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('A CA no loaded cluster trusts');
    await expect.poll(() => fleet.names('not-trusting-cluster')).toEqual(['aks-payments-prod-weu']);
  });

  test('the expiring view and the CSV exports match the emulator, at 1366 and 390 px', async ({
    page,
    emulator: _,
    fleetPage: fleet,
  }) => {
    const seed = await readSeedFleet();
    const within = (days: number) =>
      [...seed.cas.values()]
        .filter((ca) => ca.notAfter <= Date.now() + days * 86_400_000)
        .sort((a, b) => a.notAfter - b.notAfter);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMsal(page, 'Olivia Owner');
    await page.goto('/cas');
    await fleet.waitUntilLoaded();
    await page.getByRole('navigation', { name: 'Fleet views' }).getByRole('link', { name: 'Expiring' }).click();
    await expect(page).toHaveURL(/\/cas\/expiring/);

    const expiring = page.getByTestId('expiring-ca');
    const shown = () => expiring.evaluateAll((items) => items.map((item) => item.getAttribute('data-sha256')));
    // Default window: 30 days. The seed has one CA expiring in about 20 days and one expired 12 days ago.
    expect(within(30).map((ca) => ca.name)).toEqual(['Fabrikam Legacy Root CA 2016', 'Contoso Staging Issuing CA']);
    await expect(expiring).toHaveCount(within(30).length);
    expect(await shown()).toEqual(within(30).map((ca) => ca.sha256));
    for (const ca of within(30)) {
      expect(
        sorted(
          await fleet.names('expiring-cluster', expiring.filter({ has: page.locator(`[data-sha256="${ca.sha256}"]`) })),
        ),
      ).toEqual(sorted(ca.clusters));
    }
    await expectAccessible(page, 'expiring within 30 days');

    await page.getByRole('radio', { name: '7 days' }).check();
    await expect(expiring).toHaveCount(within(7).length);
    await expect(page).toHaveURL(/[?&]days=7/);
    await page.getByLabel('Other number of days').fill('600');
    await expect(expiring).toHaveCount(within(600).length);
    expect(await shown()).toEqual(within(600).map((ca) => ca.sha256));
    await expect(page).toHaveURL(/[?&]days=600$/);
    await page.reload();
    await fleet.waitUntilLoaded();
    await expect(expiring).toHaveCount(within(600).length);

    // The inventory CSV: one row per cluster × CA, clusters without custom CAs once.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Inventory CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^aks-ca-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(readFileSync(await file.path(), 'utf8'));
    expect(header).toEqual([
      'Tenant',
      'Tenant ID',
      'Subscription',
      'Subscription ID',
      'Resource group',
      'Cluster',
      'CA name',
      'SHA-256',
      'Not after (UTC)',
      'Days left',
      'Status',
    ]);
    const expected = seed.clusters.flatMap((cluster) =>
      cluster.cas.length === 0
        ? [
            [
              cluster.tenant,
              cluster.tenantId,
              cluster.subscription,
              cluster.subscriptionId,
              cluster.resourceGroup,
              cluster.name,
              '',
              '',
              '',
              '',
              'no-custom-ca',
            ],
          ]
        : cluster.cas.map((sha256) => {
            const ca = seed.cas.get(sha256)!;
            return [
              cluster.tenant,
              cluster.tenantId,
              cluster.subscription,
              cluster.subscriptionId,
              cluster.resourceGroup,
              cluster.name,
              ca.name,
              sha256,
              '',
              String(daysLeft(ca.notAfter)),
              '',
            ];
          }),
    );
    const comparable = (row: string[]) => row.map((value, i) => (i === 8 || i === 10 ? '' : value)).join('|');
    expect(rows.map(comparable).sort()).toEqual(expected.map(comparable).sort());
    for (const row of rows.filter((r) => r[7])) expect(Date.parse(row[8]!)).toBe(seed.cas.get(row[7]!)!.notAfter);
    const statusOf = (cluster: string) => rows.filter((r) => r[5] === cluster).map((r) => r[10]);
    expect(statusOf('aks-core-gwc').sort()).toEqual(['expired', 'ok']);
    expect(statusOf('aks-staging-eus2')).toEqual(['expiring']);

    // The CA index CSV: the same pairs, without the clusters that trust no custom CA.
    const indexDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CA index CSV' }).click();
    const [, ...indexRows] = parseCsv(readFileSync(await (await indexDownload).path(), 'utf8'));
    expect(indexRows.map(comparable).sort()).toEqual(
      expected
        .filter((r) => r[7])
        .map(comparable)
        .sort(),
    );

    // The JSON exports: the same rows, status as its id, days left as numbers.
    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Inventory JSON' }).click();
    const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
      generatedAt: string;
      rows: Record<string, string | number | null>[];
    };
    expect(Number.isNaN(Date.parse(json.generatedAt))).toBe(false);
    const jsonComparable = (row: Record<string, string | number | null>) =>
      comparable([
        String(row.tenant),
        String(row.tenantId),
        String(row.subscription),
        String(row.subscriptionId),
        String(row.resourceGroup),
        String(row.cluster),
        String(row.caName),
        String(row.sha256),
        '',
        row.daysLeft === null ? '' : String(row.daysLeft),
        '',
      ]);
    expect(json.rows.map(jsonComparable).sort()).toEqual(expected.map(comparable).sort());
    expect(json.rows.filter((row) => row.cluster === 'aks-staging-eus2').map((row) => row.status)).toEqual([
      'expiring',
    ]);
    const indexJsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CA index JSON' }).click();
    const indexJson = JSON.parse(readFileSync(await (await indexJsonDownload).path(), 'utf8')) as typeof json;
    expect(indexJson.rows.map(jsonComparable).sort()).toEqual(
      expected
        .filter((r) => r[7])
        .map(comparable)
        .sort(),
    );

    // 390 px: every fleet view fits without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await fleet.expectNoHorizontalOverflow();
    await expectAccessible(page, 'expiring at 390 px');
    const root = seed.byName('Contoso Root CA G2');
    await page.getByRole('navigation', { name: 'Fleet views' }).getByRole('link', { name: 'CA index' }).click();
    await expect(fleet.entries()).toHaveCount(seed.cas.size);
    await fleet.expectNoHorizontalOverflow();
    await page.goto(`/cas/${root.sha256}`);
    await fleet.waitUntilLoaded();
    await expect(page.getByTestId('trusting-cluster')).toHaveCount(root.clusters.length);
    await fleet.expectNoHorizontalOverflow();
    await expectAccessible(page, 'one CA at 390 px');
  });

  test('a subscription that cannot be read is listed as not included; the rest of the fleet is indexed', async ({
    page,
    emulator,
    fleetPage: fleet,
  }) => {
    const seed = await readSeedFleet();
    const sandbox = seed.clusters.find((c) => c.subscription === 'fabrikam-sandbox')!;
    await emulator.addFault({
      method: 'GET',
      path: `/subscriptions/${sandbox.subscriptionId}/providers/Microsoft.ContainerService/managedClusters`,
      status: 403,
      code: 'AuthorizationFailed',
      message: 'Simulated missing role',
      count: 5,
    });
    await signInWithMsal(page, 'Olivia Owner');
    await page.goto('/cas');
    await fleet.waitUntilLoaded();
    const readable = seed.clusters.filter((c) => c.subscription !== 'fabrikam-sandbox');
    await expect(fleet.status()).toContainText(`${readable.length} clusters in 4 subscriptions of 2 tenants`);
    await expect(page.getByTestId('fleet-issues')).toContainText('fabrikam-sandbox');
    const fabrikam = seed.byName('Fabrikam Enterprise Root CA');
    await fleet.search().fill(fabrikam.sha256);
    await expect(fleet.entries().getByTestId('trust-count')).toHaveText(
      `Trusted by ${fabrikam.clusters.filter((name) => readable.some((c) => c.name === name)).length} clusters`,
    );
    await expectAccessible(page, 'CA index with a subscription not included');
  });

  test('a cluster page certificate card leads to the clusters that trust the CA', async ({
    page,
    emulator: _,
    fleetPage: fleet,
  }) => {
    const seed = await readSeedFleet();
    const issuing = seed.byName('Contoso Proxy Inspection CA 2025');
    await signInWithMsal(page, 'Olivia Owner');
    const web = seed.clusters.find((c) => c.name === 'aks-web-prod-neu')!;
    await page.goto(`/clusters/${web.subscriptionId}/${web.resourceGroup}/${web.name}?tenant=${web.tenantId}`);
    await page
      .locator(`[data-testid="certificate-card"][data-sha256="${issuing.sha256}"]`)
      .first()
      .getByRole('link', { name: /Which clusters trust this CA\?/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/cas/${issuing.sha256}$`));
    await fleet.waitUntilLoaded();
    await expect.poll(async () => sorted(await fleet.names('trusting-cluster'))).toEqual(sorted(issuing.clusters));
  });
});
