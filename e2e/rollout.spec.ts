import { createServer, type Server } from 'node:net';
import type { Page } from '@playwright/test';
import { expectAccessible, signInWithMsal } from './fixtures';
import { ArmForTests, CANARY, PAYMENTS, WEB, expect, rolloutPath, test, type ClusterAddress, type StartedRollout } from './rollout-arm';
import { encodeRolloutHandle } from '../lib/rollout/handle';
import { InventoryPage } from './pages/inventory-page';
import { RolloutPage } from './pages/rollout-page';

const TERMINAL = /^(Succeeded|Failed|Canceled)$/;

/** Playwright keeps pages visible; this makes the page believe its tab was hidden or shown again. */
async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** What the page must show per pool for the emulator's machines now: old machines gone, machines listed. */
function expectedPools(before: Record<string, string[]>, now: Record<string, string[]>) {
  return Object.fromEntries(Object.entries(now).map(([pool, names]) => [pool, { replaced: (before[pool] ?? []).filter((n) => !names.includes(n)).length, machines: names.length }]));
}

/**
 * Waits until the page shows exactly the emulator's per-pool counts, reading the emulator's operation status
 * before and after its machines so that a step taken in between does not count. Returns the status matched.
 */
async function expectPageMatchesEmulator(page: Page, arm: ArmForTests, cluster: ClusterAddress, rollout: StartedRollout): Promise<string> {
  const view = new RolloutPage(page);
  let matched = '';
  await expect
    .poll(
      async () => {
        const before = (await arm.operation(rollout.handle.operationUrl!)).status;
        const machines = await arm.machinesByPool(cluster);
        const after = (await arm.operation(rollout.handle.operationUrl!)).status;
        if (before !== after) return 'emulator moved while reading';
        const onScreen = Object.fromEntries(Object.entries(await view.pools()).map(([pool, p]) => [pool, { replaced: p.replaced, machines: p.machines }]));
        const expected = expectedPools(rollout.handle.machinesBefore, machines);
        matched = after;
        return JSON.stringify(onScreen) === JSON.stringify(expected) ? 'match' : `${after}: page ${JSON.stringify(onScreen)} emulator ${JSON.stringify(expected)}`;
      },
      { timeout: 15_000, intervals: [200] },
    )
    .toBe('match');
  return matched;
}

async function waitForEmulatorToMove(arm: ArmForTests, rollout: StartedRollout, from: string) {
  await expect.poll(async () => (await arm.operation(rollout.handle.operationUrl!)).status, { timeout: 15_000, intervals: [200] }).not.toBe(from);
}

test.describe('rollout tracking', () => {
  test.beforeEach(async ({ page }) => {
    await signInWithMsal(page, 'Olivia Owner');
  });

  test('progress advances pool by pool to Succeeded, with per-pool counts matching the emulator at each step', async ({ page, emulator, arm }) => {
    test.setTimeout(150_000);
    // Slow enough that the page (1 s polls in e2e) shows most steps before the emulator takes the next.
    await emulator.setSpeed(4000);
    // Drop the second of aks-web-prod-neu's two CAs: both of its Linux pools are replaced.
    const rollout = await arm.startCaChange(WEB, (entries) => entries.slice(0, 1));
    await page.goto(rollout.url);
    const view = new RolloutPage(page);
    await view.waitForLive();

    const phases: string[] = [];
    let checkedRunning = false;
    for (;;) {
      const status = await expectPageMatchesEmulator(page, arm, WEB, rollout);
      phases.push(status);
      if (status.startsWith('UpgradingNodePools: web')) {
        // The first pool is done before the second moves.
        await expect(view.pool('nodepool1')).toHaveAttribute('data-stage', 'done');
        if (!checkedRunning) {
          await expect(view.pool('web')).toHaveAttribute('data-stage', 'replacing');
          await expectAccessible(page, 'rollout running');
          checkedRunning = true;
        }
      }
      if (TERMINAL.test(status)) break;
      await waitForEmulatorToMove(arm, rollout, status);
    }

    const pools = phases.flatMap((s) => /^UpgradingNodePools: (\S+)/.exec(s)?.[1] ?? []);
    expect([...new Set(pools)]).toEqual(['nodepool1', 'web']);
    expect(pools.lastIndexOf('nodepool1')).toBeLessThan(pools.indexOf('web'));
    test.info().annotations.push({ type: 'steps matched', description: phases.join(' | ') });
    expect(phases.length).toBeGreaterThanOrEqual(6);
    expect(phases.at(-1)).toBe('Succeeded');

    await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded');
    await expect(page.getByTestId('trusted-certificate')).toHaveCount(1);
    await expect(page.getByTestId('trusted-certificate')).toContainText(/SHA-256 [0-9A-F:]{20,}/i);
    await expect(page).toHaveTitle(/^Rollout succeeded · aks-web-prod-neu/);
    await expect(view.announcement()).toHaveText(/Rollout succeeded on aks-web-prod-neu/);
    await expect(page.getByText('Rollout succeeded on aks-web-prod-neu').first()).toBeVisible(); // the toast
    expect(Object.values(await view.pools()).filter((p) => p.stage !== 'not-rolled').every((p) => p.stage === 'done' && p.replaced === p.total)).toBe(true);
    await expectAccessible(page, 'rollout succeeded');
  });

  test('a reload in the middle resumes tracking with the right counts', async ({ page, emulator, arm }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(2500);
    const rollout = await arm.startCaChange(WEB, (entries) => entries.slice(0, 1));
    await page.goto(rollout.url);
    const view = new RolloutPage(page);
    await view.waitForLive();
    await expect.poll(async () => (await arm.operation(rollout.handle.operationUrl!)).status, { timeout: 30_000 }).toMatch(/^UpgradingNodePools: web [1-9]/);

    await page.reload();
    await view.waitForLive();
    const status = await expectPageMatchesEmulator(page, arm, WEB, rollout);
    expect(status).toMatch(/^UpgradingNodePools: web|ReconcilingDNS|Succeeded/);
    await expect(view.pool('nodepool1')).toHaveAttribute('data-stage', 'done');
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 40_000 });
  });

  test('a rollout that fails mid-way shows ARM code and message and which pools finished', async ({ page, emulator, arm }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(400);
    const message = 'Drain of node aks-apps-vmss000001 failed when evicting pods: PodDisruptionBudget allows 0 disruptions.';
    // `system` (3 nodes, surge 1) needs 4 batches; the 6th batch is the second of `apps`.
    await emulator.failNextRollout({ code: 'UpgradeFailed', message, afterBatches: 6 });
    const web = await arm.caEntries(WEB);
    const rollout = await arm.startCaChange(PAYMENTS, (entries) => [...entries, web[1]!]);
    await page.goto(rollout.url);
    const view = new RolloutPage(page);

    await expect(view.outcome()).toHaveAttribute('data-outcome', 'failed', { timeout: 40_000 });
    await expect(page.getByTestId('arm-error')).toContainText('UpgradeFailed');
    await expect(page.getByTestId('arm-error')).toContainText(message);
    await expect(page.getByTestId('pool-outcomes')).toContainText('Finished, nodes trust the new CA list: system.');
    await expect(page.getByTestId('pool-outcomes')).toContainText(/still running nodes with the old CA list: apps \(\d+ of 24 replaced\), batch \(0 of 15 replaced\)/);
    await expect(view.pool('system')).toHaveAttribute('data-stage', 'done');
    await expect(view.pool('apps')).toHaveAttribute('data-stage', 'failed');
    await expect(page.getByText('What to do next')).toBeVisible();
    await expect(page).toHaveTitle(/^Rollout failed · aks-payments-prod-weu/);
    await expect(view.announcement()).toContainText(message);
    await expectAccessible(page, 'rollout failed');
  });

  test('a rollout canceled by someone else ends canceled, with what that leaves behind', async ({ page, emulator, arm }) => {
    await emulator.setSpeed(1500);
    const payments = await arm.caEntries(PAYMENTS);
    const rollout = await arm.startCaChange(WEB, (entries) => [...entries, payments[0]!]);
    await page.goto(rollout.url);
    const view = new RolloutPage(page);
    await view.waitForLive();

    await arm.abort(WEB);
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'canceled', { timeout: 30_000 });
    await expect(view.outcome()).toContainText('Rollout canceled');
    await expect(view.outcome()).toContainText('Canceled until the next successful operation');
    await expect(page).toHaveTitle(/cancel/i);
    await expectAccessible(page, 'rollout canceled');
  });

  test('503 and 429 bursts during polling: the page says reconnecting, keeps its state and carries on', async ({ page, emulator, arm }) => {
    test.setTimeout(120_000);
    await emulator.setSpeed(1500);
    const rollout = await arm.startCaChange(WEB, (entries) => entries.slice(0, 1));
    await page.goto(rollout.url);
    const view = new RolloutPage(page);
    await view.waitForLive();
    await expect(view.connection()).toHaveAttribute('data-connection', 'live');

    // More failures than the SDK's own retries (1 + 3), so that the page sees them.
    await emulator.addFault({ method: 'GET', path: '/operations/', status: 503, count: 6 });
    await expect(view.connection()).toHaveAttribute('data-connection', 'reconnecting', { timeout: 20_000 });
    await expect(view.connection()).toContainText('Reconnecting');
    await expect(page.getByTestId('pool')).toHaveCount(2); // the last good state stays on screen
    await expect(view.connection()).toHaveAttribute('data-connection', /live|stopped/, { timeout: 30_000 });

    await emulator.addFault({ method: 'GET', path: '/machines', status: 429, count: 5, retryAfterSeconds: 1 });
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 60_000 });
    await expect(page.getByText(/Application error|Internal Server Error/)).toHaveCount(0);
    expect((await emulator.faultHits()).length).toBe(0); // every injected failure was met
    await expectPageMatchesEmulator(page, arm, WEB, rollout);
  });

  test('a forged operation URL is refused by the server, and no request reaches the forged host', async ({ page }) => {
    let connections = 0;
    const trap: Server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const port = (trap.address() as { port: number }).port;
    try {
      const handle = {
        v: 1 as const,
        clusterId: `/subscriptions/${WEB.subscriptionId}/resourceGroups/${WEB.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${WEB.name}`,
        operationUrl: `https://localhost:${port}/subscriptions/${WEB.subscriptionId}/providers/Microsoft.ContainerService/locations/northeurope/operations/6f1c2d3e-0000-4000-8000-000000000042`,
        startedAt: new Date().toISOString(),
        machinesBefore: {},
      };
      await page.goto(`${rolloutPath(WEB)}?h=${encodeRolloutHandle(handle)}`);
      await expect(page.getByTestId('rollout-refused')).toContainText('The operation URL was refused: it is not on the configured Azure Resource Manager endpoint');
      await expect(page.getByTestId('pool')).toHaveCount(0);
      await page.waitForTimeout(1500);
      expect(connections).toBe(0);
    } finally {
      trap.close();
    }
  });

  test('without a handle, a cluster that is Updating shows pool states and machines and says the status is not available', async ({ page, emulator: _ }) => {
    const inventory = new InventoryPage(page);
    await inventory.waitUntilLoaded();
    await inventory.row(CANARY.name).getByRole('link', { name: /Watch rollout/ }).click();
    await page.waitForURL(new RegExp(`${rolloutPath(CANARY)}`));
    const view = new RolloutPage(page);
    await view.waitForLive();
    await expect(page.getByTestId('no-operation-status')).toContainText("The operation's own status is not available");
    await expect(page.getByTestId('pool')).toHaveCount(2);
    await expect(view.pool('nodepool1')).toContainText('ARM: ');
    await expect(view.heading()).toHaveText('Node rollout on aks-canary-eus2');
    await expectAccessible(page, 'rollout without a handle');

    // Hidden tab: polling pauses; back in view: it catches up at once.
    await expect(view.connection()).toHaveAttribute('data-connection', 'live');
    await setVisibility(page, 'hidden');
    await expect(view.connection()).toHaveAttribute('data-connection', 'paused', { timeout: 10_000 });
    await setVisibility(page, 'visible');
    await expect(view.connection()).toHaveAttribute('data-connection', 'live', { timeout: 5_000 });
  });

  test('without a handle, a cluster with nothing running says so and reports no outcome', async ({ page, emulator: _ }) => {
    await page.goto(rolloutPath(WEB));
    await expect(page.getByTestId('no-operation-running')).toContainText('No operation is running on this cluster now (provisioning state Succeeded)');
    await expect(page.getByTestId('rollout-outcome')).toHaveCount(0);
    await expect(page.getByTestId('pool')).toHaveCount(2);
  });
});
