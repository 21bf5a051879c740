import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EMULATOR_CA_FILE, EMULATOR_URL } from './environment';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { CONTOSO, ownerToken, readCluster, STAGING, WEB, type ClusterAddress } from './support/arm';
import { EXPIRING_NAME, SUCCESSOR_NAME, planReplacement, planRow, setUpExpiringFleet } from './support/fleet-change';

const names = (clusters: ClusterAddress[]) => clusters.map((c) => c.name).sort();

interface PlanFileCluster {
  ref: { id: string; name: string };
  before: string[];
  after: string[];
  added: string[];
  removed: string[];
  machinesReplaced: number;
  findings: { id: string; severity: string }[];
  block: { reason: string } | null;
}

/** What a plan says of one cluster, without the words and times that may differ between two runs. */
const planned = (cluster: PlanFileCluster) => ({
  id: cluster.ref.id.toLowerCase(),
  before: cluster.before,
  after: cluster.after,
  added: cluster.added,
  removed: cluster.removed,
  machinesReplaced: cluster.machinesReplaced,
  findings: cluster.findings.map((f) => `${f.severity}:${f.id}`).sort(),
  block: cluster.block?.reason ?? null,
});

/** `ca-trust fleet plan --replace FROM=FILE --tenant T --json`, as a pipeline runs it (one tenant's ARM token). */
async function cliReplacementPlan(from: string, toPem: string, tenantId: string): Promise<PlanFileCluster[]> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-fleet-plan-'));
  try {
    const file = join(dir, 'successor.pem');
    writeFileSync(file, toPem);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/ca-trust.mjs', 'fleet', 'plan', '--replace', `${from}=${file}`, '--tenant', tenantId, '--json', '--quiet'],
      {
        env: {
          ...process.env,
          ARM_ENDPOINT: EMULATOR_URL,
          ARM_CA_FILE: EMULATOR_CA_FILE,
          ARM_ACCESS_TOKEN: await ownerToken(tenantId),
        },
        maxBuffer: 1 << 24,
      },
    );
    return (JSON.parse(stdout) as { clusters: PlanFileCluster[] }).clusters;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function linuxNodes(cluster: ClusterAddress): Promise<number> {
  const pools = (await readCluster(cluster)).properties.agentPoolProfiles as
    { count: number; osType?: string }[] | undefined;
  return (pools ?? []).filter((p) => (p.osType ?? 'Linux') === 'Linux').reduce((sum, p) => sum + p.count, 0);
}

test.describe('fleet plan', () => {
  test.setTimeout(120_000);

  test('replacing the expiring CA plans every cluster that trusts it, across subscriptions and tenants, with blocked ones and their reasons; the plan file round-trips', async ({
    page,
    emulator,
  }) => {
    const world = await setUpExpiringFleet(emulator);
    await signInWithMsal(page, 'Olivia Owner');
    await planReplacement(page, world);

    const rows = page.getByTestId('plan-cluster');
    await expect(rows).toHaveCount(world.trusting.length);
    const listed = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-cluster') ?? ''));
    expect(listed.sort()).toEqual(names(world.trusting));
    await expect(page.getByTestId('plan-title')).toContainText(EXPIRING_NAME);
    await expect(page.getByTestId('plan-title')).toContainText(SUCCESSOR_NAME);

    for (const cluster of world.toApply) {
      const row = planRow(page, cluster.name);
      await expect(row).toHaveAttribute('data-block', '');
      await expect(row.getByTestId('plan-added')).toHaveText([new RegExp(`Added: ${SUCCESSOR_NAME}$`)]);
      await expect(row.getByTestId('plan-removed')).toHaveText([new RegExp(`Removed: ${EXPIRING_NAME}$`)]);
      await expect(row.getByTestId('plan-nodes')).toHaveText(String(await linuxNodes(cluster)));
    }
    // aks-core-gwc also trusts an expired CA: the planned bundle has an error, so the plan leaves it alone and says why.
    for (const cluster of world.blocked) {
      const row = planRow(page, cluster.name);
      await expect(row).toHaveAttribute('data-block', 'certificate-errors');
      await expect(row.getByTestId('plan-block')).toContainText(/expired/i);
      await expect(row.locator('[data-testid="plan-finding"][data-severity="error"]').first()).toBeVisible();
    }
    const nodes = (await Promise.all(world.toApply.map(linuxNodes))).reduce((a, b) => a + b, 0);
    await expect(page.getByTestId('plan-total-clusters')).toHaveText(String(world.trusting.length));
    await expect(page.getByTestId('plan-total-to-apply')).toHaveText(String(world.toApply.length));
    await expect(page.getByTestId('plan-total-blocked')).toHaveText(String(world.blocked.length));
    await expect(page.getByTestId('plan-total-nodes')).toHaveText(String(nodes));
    await expect(page.getByTestId('plan-blocked-by')).toHaveText('Blocked: 1 certificate errors.');
    // Waves: the canary (the first cluster to apply) and then waves of the chosen size.
    await page.getByRole('spinbutton', { name: 'Clusters per wave' }).fill('1');
    await expect(page.getByTestId('wave')).toHaveCount(world.toApply.length);
    await expectAccessible(page, 'fleet plan');

    // The download is the plan; loading it back (another browser would) opens the same plan.
    const planUrl = page.url();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the plan (JSON)' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text) as { v: number; clusters: (PlanFileCluster & { ref: { tenantId: string } })[] };
    expect(file.v).toBe(1);
    expect(file.clusters.map((c) => c.ref.name).sort()).toEqual(names(world.trusting));
    // The pipeline's `ca-trust fleet plan` for the same change plans each cluster exactly as the page did (one
    // tenant: ARM_ACCESS_TOKEN is one tenant's token).
    const cli = await cliReplacementPlan(world.expiring.sha256, world.successorPem, CONTOSO);
    const pageContoso = file.clusters.filter((c) => c.ref.tenantId === CONTOSO);
    expect(cli.length).toBeGreaterThan(1);
    expect(cli.map(planned).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      pageContoso.map(planned).sort((a, b) => a.id.localeCompare(b.id)),
    );
    // This browser forgets its plans (MSAL's sign-in in localStorage stays).
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('aks-ca-trust:fleet-plan:')) localStorage.removeItem(key);
    });
    await page.goto('/fleet/plan');
    await page.getByTestId('plan-file-input').setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(page).toHaveURL(planUrl);
    await expect(page.getByTestId('plan-cluster')).toHaveCount(world.trusting.length);

    // A changed file is refused with a sentence, not opened.
    const tampered = text.replace(/"machinesReplaced":\s*\d+/, '"machinesReplaced": 99999');
    await page.getByTestId('plan-file-input').setInputFiles({
      name: 'tampered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(tampered),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'This plan file cannot be used' })).toBeVisible();
  });

  test('baseline drift in the inventory: matches, missing and extra per cluster, and "Make these match the baseline" opens a plan', async ({
    page,
    emulator,
    inventoryPage: inventory,
  }) => {
    const world = await setUpExpiringFleet(emulator);
    await signInWithMsal(page, 'Olivia Owner');
    await inventory.waitUntilLoaded();
    // The baseline: the expiring CA alone, which aks-staging-eus2 trusts exactly.
    await page.getByTestId('baseline-file-input').setInputFiles({
      name: 'baseline.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(world.expiring.pem),
    });
    await expect(page.getByTestId('baseline-summary')).toContainText('baseline.pem');
    await page.getByRole('searchbox').first().fill('aks-staging-eus2');
    await expect(inventory.row(STAGING.name).getByTestId('baseline-drift')).toHaveText('matches the baseline');
    await page.getByRole('searchbox').first().fill('aks-web-prod-neu');
    // web trusts Contoso Root, the proxy CA and the expiring CA: nothing missing, 2 extra.
    await expect(inventory.row(WEB.name).getByTestId('baseline-drift')).toHaveText('extra 2');
    await expectAccessible(page, 'inventory with a baseline');
    await page.getByRole('button', { name: /Make these match the baseline \(1\)/ }).click();
    await expect(page.getByRole('heading', { name: 'Plan a fleet change' })).toBeVisible();
    await expect(page.getByTestId('baseline-source')).toContainText('baseline.pem');
    await expect(page.getByTestId('chosen-clusters')).toContainText('1 cluster chosen');
    await page.getByRole('button', { name: 'Compute the plan' }).click();
    await expect(page).toHaveURL(/\/fleet\/plan\?id=/, { timeout: 30_000 });
    await expect(page.getByTestId('plan-cluster')).toHaveCount(1);
    await expect(planRow(page, WEB.name).getByTestId('plan-removed')).toHaveCount(2);
    await expect(planRow(page, WEB.name).getByTestId('plan-added')).toHaveCount(0);
  });
});
