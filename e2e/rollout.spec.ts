import { createServer, type Server } from 'node:net';
import type { Page } from '@playwright/test';
import { EMULATOR_URL } from './environment';
import { expectAccessible, signInWithMsal } from './fixtures';
import {
  ArmForTests,
  CANARY,
  PAYMENTS,
  PERSONAS,
  WEB,
  expect,
  poolHistory,
  recordPoolProgress,
  rolloutPath,
  storeHandle,
  test,
  type ClusterAddress,
  type StartedRollout,
} from './rollout-arm';
import { revokeSessions, withShortLivedTokens } from './support/emulator-settings';
import { RolloutPage } from './pages/rollout-page';

/** Playwright keeps pages visible; this makes the page believe its tab was hidden or shown again. */
async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Every rolled pool's updated count went 0 → … → total, through at least one value in between, never backwards. */
function expectProgressFromZeroToAll(history: Record<string, string[]>, totals: Record<string, number>) {
  for (const [pool, total] of Object.entries(totals)) {
    const values = (history[pool] ?? []).filter((v) => v !== 'unknown').map(Number);
    expect(values[0], `${pool}: ${history[pool]}`).toBe(0);
    expect(values.at(-1), `${pool}: ${history[pool]}`).toBe(total);
    expect(
      values.some((v) => v > 0 && v < total),
      `${pool} moved through intermediate counts: ${history[pool]}`,
    ).toBe(true);
    for (let i = 1; i < values.length; i++)
      expect(values[i]!, `${pool} never goes back: ${history[pool]}`).toBeGreaterThanOrEqual(values[i - 1]!);
  }
}

async function rolledTotals(arm: ArmForTests, cluster: ClusterAddress): Promise<Record<string, number>> {
  const wire = await arm.cluster(cluster);
  const machines = await arm.machinesByPool(cluster);
  return Object.fromEntries(
    wire.properties.agentPoolProfiles
      .filter((p) => p.osType === 'Linux')
      .map((p) => [p.name, machines[p.name]!.length]),
  );
}

/**
 * Adds one CA of `donor` (by index) to `cluster`'s list, keeps the private handle in this browser as apply does, and
 * opens the rollout view on the short link.
 */
async function openOwnRollout(
  page: Page,
  arm: ArmForTests,
  cluster: ClusterAddress,
  donor: ClusterAddress,
  index: number,
): Promise<StartedRollout> {
  const extra = (await arm.caBundle(donor))[index]!;
  const rollout = await arm.startCaChange(cluster, (entries) => [...entries, extra]);
  await storeHandle(page, rollout.handle);
  await page.goto(rollout.url);
  return rollout;
}

test.describe('rollout tracking', () => {
  test.beforeEach(async ({ page }) => {
    await signInWithMsal(page, PERSONAS.owner.name);
  });

  for (const [behaviour, cluster] of [
    ['replace', PAYMENTS],
    ['reimage', WEB],
  ] as const) {
    test(`a ${behaviour} rollout shows per-pool progress moving from 0 to every node, stages from signals, then Succeeded`, async ({
      page,
      emulator,
      arm,
      rolloutPage: view,
    }) => {
      test.setTimeout(240_000);
      // Slow enough that the lists (read every 6 polls of 1 s in e2e) see the small pools between batches.
      await emulator.setSpeed(behaviour === 'reimage' ? 6000 : 2500);
      const totals = await rolledTotals(arm, cluster);
      const other = await arm.caBundle(cluster === WEB ? PAYMENTS : WEB);
      const rollout = await arm.startCaChange(cluster, (entries) => [...entries, other[0]!]);
      await recordPoolProgress(page);
      await storeHandle(page, rollout.handle);
      await page.goto(rollout.url);
      expect(page.url().length).toBeLessThanOrEqual(2048);
      await view.waitForLive();
      await expect(view.signal('operation')).toHaveAttribute('data-state', 'have');
      await expect(view.signal('vmss')).toHaveAttribute('data-state', 'have', { timeout: 20_000 });
      await expect(view.stage('nodes')).toHaveAttribute('data-state', 'current', { timeout: 60_000 });
      await expect(view.stage('preparing')).toHaveAttribute('data-state', 'complete');
      await expect(view.stage('end')).toHaveAttribute('data-state', 'to-come');
      await expectAccessible(page, `${behaviour} rollout running`);

      await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 200_000 });
      expectProgressFromZeroToAll(await poolHistory(page), totals);
      for (const key of ['accepted', 'preparing', 'nodes', 'end'] as const)
        await expect(view.stage(key)).toHaveAttribute('data-state', 'complete');
      const pools = await view.pools();
      for (const pool of Object.keys(totals))
        expect(pools[pool]).toMatchObject({ stage: 'done', behaviour, signal: 'vmss' });
      await expect(page).toHaveTitle(new RegExp(`^Rollout succeeded · ${cluster.name}`));
      await expect(page.getByTestId('trusted-certificate').first()).toBeVisible();
      await expectAccessible(page, `${behaviour} rollout succeeded`);
    });
  }

  test('a reload in the first tab resumes at full precision (operation status and machines before, from this browser)', async ({
    page,
    emulator,
    arm,
    rolloutPage: view,
  }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(2500);
    await openOwnRollout(page, arm, PAYMENTS, WEB, 1);
    await view.waitForLive();
    await expect(view.stage('nodes')).toHaveAttribute('data-state', 'current', { timeout: 60_000 });
    await page.reload();
    await view.waitForLive();
    await expect(view.operationStatus()).toBeVisible();
    await expect(view.signal('operation')).toHaveAttribute('data-state', 'have');
    await expect(view.signal('machines-before')).toHaveAttribute('data-state', 'have');
    await expect(view.pool('apps')).toHaveAttribute('data-total', '24');
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 90_000 });

    // Opened without the link (the cluster page's "Watch rollout"), the view offers this browser's own rollout.
    await page.goto(rolloutPath(PAYMENTS));
    await page
      .getByTestId('own-rollout-link')
      .getByRole('link', { name: 'Follow that rollout with its own status' })
      .click();
    await page.waitForURL(/\/rollout\?op=/);
    await expect(view.signal('operation')).toHaveAttribute('data-state', 'have');
  });

  test('another persona with read access opening the link tracks from cluster state and says what it lacks', async ({
    page,
    browser,
    emulator,
    arm,
  }) => {
    test.setTimeout(150_000);
    await emulator.setSpeed(2500);
    const rollout = await openOwnRollout(page, arm, PAYMENTS, WEB, 1);

    const colleague = await browser.newContext();
    try {
      const other = await colleague.newPage();
      await signInWithMsal(other, PERSONAS.reader.name);
      await other.goto(rollout.url);
      const view = new RolloutPage(other);
      await view.waitForLive();
      await expect(other.getByTestId('no-operation-status')).toBeVisible();
      await expect(view.signal('operation')).toHaveAttribute('data-state', 'lack');
      await expect(view.signal('operation')).toContainText('stays in the browser that applied the change');
      await expect(view.signal('machines-before')).toHaveAttribute('data-state', 'lack');
      await expect(view.signal('vmss')).toHaveAttribute('data-state', 'have', { timeout: 20_000 });
      await expect(view.stage('end')).not.toHaveAttribute('data-state', 'complete');
      await expectAccessible(other, 'rollout followed by a colleague');
      await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });
    } finally {
      await colleague.close();
    }
  });

  test('a failed rollout shows ARM code and message and never shows later stages as done', async ({
    page,
    emulator,
    arm,
    rolloutPage: view,
  }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(800);
    const message = `Drain of node aks-apps-vmss000001 failed when evicting pods: PodDisruptionBudget allows 0 disruptions. ${'<b>not markup</b> '.repeat(90)}`;
    await emulator.failNextRollout({ code: 'UpgradeFailed', message, afterBatches: 3 });
    await openOwnRollout(page, arm, PAYMENTS, WEB, 1);

    await expect(view.outcome()).toHaveAttribute('data-outcome', 'failed', { timeout: 60_000 });
    await expect(page.getByTestId('arm-error')).toContainText('UpgradeFailed');
    await expect(page.getByTestId('arm-error-start')).toContainText('PodDisruptionBudget allows 0 disruptions');
    await page.getByText(/^Full message/).click();
    await expect(page.getByTestId('arm-error-full')).toContainText('<b>not markup</b>'); // text, never HTML
    await expect(page.locator('[data-testid="arm-error"] b')).toHaveCount(0);
    await expect(view.stage('end')).toHaveAttribute('data-state', 'failed');
    await expect(view.stage('nodes')).not.toHaveAttribute('data-state', 'complete');
    expect(Object.values(await view.pools()).some((p) => p.stage === 'failed')).toBe(true);
    await expect(page.getByText('What to do next')).toBeVisible();
    await expect(page).toHaveTitle(/^Rollout failed · aks-payments-prod-weu/);
    await expectAccessible(page, 'rollout failed');
  });

  test('Abort rollout asks first, then shows Canceling, then Canceled', async ({
    page,
    emulator,
    arm,
    rolloutPage: view,
  }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(3000);
    await openOwnRollout(page, arm, WEB, PAYMENTS, 0);
    await view.waitForLive();
    await page.getByRole('button', { name: 'Abort rollout' }).click();
    const dialog = page.getByRole('dialog', { name: /Abort the rollout on aks-web-prod-neu/ });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'abort dialog');
    await dialog.getByRole('button', { name: 'Abort rollout' }).click();
    await expect(view.stage('end')).toHaveAttribute('data-state', 'canceling', { timeout: 20_000 });
    await expect(view.stage('end')).toContainText('Canceling');
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'canceled', { timeout: 30_000 });
    await expect(view.stage('end')).toHaveAttribute('data-state', 'canceled');
    await expect(page).toHaveTitle(/cancel/i);
    await expectAccessible(page, 'rollout canceled');
  });

  test('503 and 429 bursts during polling: the page says reconnecting, keeps its state and carries on', async ({
    page,
    emulator,
    arm,
    rolloutPage: view,
  }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(1500);
    const rollout = await arm.startCaChange(WEB, (entries) => entries.slice(0, 1));
    await storeHandle(page, rollout.handle);
    await page.goto(rollout.url);
    await view.waitForLive();
    await expect(view.connection()).toHaveAttribute('data-connection', 'live');

    // More failures than the SDK's own retries (1 + 3), so that the page sees them.
    await emulator.addFault({ method: 'GET', path: '/operations/', status: 503, count: 6 });
    await expect(view.connection()).toHaveAttribute('data-connection', 'reconnecting', { timeout: 20_000 });
    await expect(view.connection()).toContainText('Reconnecting');
    await expect(page.getByTestId('pool')).toHaveCount(2); // the last good state stays on screen
    await expect(view.connection()).toHaveAttribute('data-connection', /live|stopped/, { timeout: 60_000 });

    await emulator.addFault({ method: 'GET', path: '/operations/', status: 429, count: 5, retryAfterSeconds: 1 });
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 90_000 });
    await expect(page.getByText(/Application error|Internal Server Error/)).toHaveCount(0);
    expect((await emulator.faultHits()).length).toBe(0); // every injected failure was met
  });

  test('a forged operation URL in the stored handle is refused by the server, and no request reaches the forged host', async ({
    page,
  }) => {
    let connections = 0;
    const trap: Server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const port = (trap.address() as { port: number }).port;
    try {
      const operationId = '6f1c2d3e-0000-4000-8000-000000000042';
      const handle = {
        v: 1 as const,
        clusterId: `/subscriptions/${WEB.subscriptionId}/resourceGroups/${WEB.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${WEB.name}`,
        operationUrl: `https://localhost:${port}/subscriptions/${WEB.subscriptionId}/providers/Microsoft.ContainerService/locations/northeurope/operations/${operationId}?api-version=2025-03-01&t=1&c=a&s=b&h=c`,
        startedAt: new Date().toISOString(),
        machinesBefore: {},
      };
      await storeHandle(page, handle);
      await page.goto(`${rolloutPath(WEB)}?op=${operationId}&since=${encodeURIComponent(handle.startedAt)}`);
      await expect(page.getByTestId('rollout-refused')).toContainText(
        'The operation URL was refused: it is not on the configured Azure Resource Manager endpoint',
      );
      await expect(page.getByTestId('pool')).toHaveCount(0);
      await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'stopped');
      expect(connections).toBe(0);
    } finally {
      trap.close();
    }
  });

  test('without a handle, an Updating cluster from the inventory link shows pool states and machines, says what it lacks, and pauses while hidden', async ({
    page,
    emulator: _,
    inventoryPage: inventory,
    rolloutPage: view,
  }) => {
    await inventory.waitUntilLoaded();
    await inventory
      .row(CANARY.name)
      .getByRole('link', { name: /Watch rollout/ })
      .click();
    await page.waitForURL(new RegExp(`${rolloutPath(CANARY)}`));
    await view.waitForLive();
    await expect(page.getByTestId('no-operation-status')).toBeVisible();
    await expect(view.signal('operation')).toContainText('opened without a rollout link');
    await expect(page.getByTestId('pool')).toHaveCount(2);
    await expect(view.pool('nodepool1')).toContainText('ARM: ');
    await expect(view.heading()).toHaveText('Node rollout on aks-canary-eus2');
    await expectAccessible(page, 'rollout without a handle');

    await expect(view.connection()).toHaveAttribute('data-connection', 'live');
    await setVisibility(page, 'hidden');
    await expect(view.connection()).toHaveAttribute('data-connection', 'paused');
    await setVisibility(page, 'visible');
    await expect(view.connection()).toHaveAttribute('data-connection', /live|stopped/);
  });

  test('without a handle, a cluster with nothing running says so, reports no outcome and ticks no stage', async ({
    page,
    emulator: _,
  }) => {
    await page.goto(rolloutPath(WEB));
    await expect(page.getByTestId('no-operation-running')).toContainText(
      'No operation is running on this cluster now (provisioning state Succeeded)',
    );
    await expect(page.getByTestId('rollout-outcome')).toHaveCount(0);
    await expect(page.getByTestId('rollout-stages')).toHaveCount(0);
    await expect(page.getByTestId('pool')).toHaveCount(2);
  });
});

test.describe('rollout tracking without VMSS access', () => {
  test('deployer (no read on the node resource group): VMSS signals unavailable, reimage progress unknown and said so, then Succeeded', async ({
    page,
    emulator,
    rolloutPage: view,
  }) => {
    test.setTimeout(180_000);
    await emulator.setSpeed(3000);
    await signInWithMsal(page, PERSONAS.deployer.name);
    const deployer = await ArmForTests.create('deployer');
    try {
      const payments = await deployer.caBundle(PAYMENTS);
      const rollout = await deployer.startCaChange(WEB, (entries) => [...entries, payments[0]!]);
      await storeHandle(page, rollout.handle, 'deployer');
      await page.goto(rollout.url);
      await view.waitForLive();
      await expect(view.signal('operation')).toHaveAttribute('data-state', 'have');
      await expect(view.signal('vmss')).toHaveAttribute('data-state', 'lack');
      await expect(view.signal('vmss')).toContainText('no read access to the node resource group');
      await expect(view.pool('web')).toHaveAttribute('data-updated', 'unknown');
      await expect(view.pool('web').getByTestId('pool-signal-note')).toContainText('per-node progress is unknown');
      await expect(page.getByTestId('updated-total')).toContainText('unknown');
      await expect(view.stage('end')).not.toHaveAttribute('data-state', 'complete');
      await expectAccessible(page, 'rollout without VMSS access');
      await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 150_000 });
      await expect(view.pool('web')).toHaveAttribute('data-stage', 'done');
    } finally {
      await deployer.dispose();
    }
  });
});

test.describe('rollout tracking when the sign-in session ends', () => {
  test('getArmToken needs the user during polling: "Sign in again", polling stops, nothing navigates until the click', async ({
    page,
    emulator,
    arm,
    rolloutPage: view,
  }) => {
    test.setTimeout(120_000);
    await withShortLivedTokens(async () => {
      await emulator.setSpeed(6000);
      await signInWithMsal(page, PERSONAS.owner.name);
      await openOwnRollout(page, arm, WEB, PAYMENTS, 0);
      await view.waitForLive();
      const url = page.url();

      await revokeSessions();
      await expect(page.getByTestId('sign-in-again')).toBeVisible({ timeout: 30_000 });
      await expect(view.connection()).toHaveAttribute('data-connection', 'sign-in-required');
      await expect(page.getByTestId('pool').first()).toBeVisible(); // the last good state stays
      expect(page.url()).toBe(url);
      await expectAccessible(page, 'sign in again during a rollout');

      await page.getByTestId('sign-in-again').getByRole('button', { name: 'Sign in again' }).click();
      await page.waitForURL(new RegExp(`^${EMULATOR_URL}/`));
    });
  });
});
