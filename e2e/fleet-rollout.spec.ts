import type { Page } from '@playwright/test';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import {
  caBundle,
  changeCaBundleElsewhere,
  INGRESS,
  LEGACY,
  readCluster,
  SANDBOX,
  STAGING,
  type ClusterAddress,
} from './support/arm';
import { planReplacement, setUpExpiringFleet, waitUntilSucceeded } from './support/fleet-change';
import { rolloutHistory, type HistoryEntry } from './support/rollout-history';

const runRow = (page: Page, name: string) => page.locator(`[data-testid="run-cluster"][data-cluster="${name}"]`);

/** The most rollouts the emulator ever ran at once, from its own history. */
function maxAtOnce(entries: HistoryEntry[]): number {
  const edges = entries.flatMap((e) => [
    { at: Date.parse(e.startedAt), delta: 1 },
    { at: e.endedAt ? Date.parse(e.endedAt) : Infinity, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let max = 0;
  for (const edge of edges) max = Math.max(max, (now += edge.delta));
  return max;
}

/** Opens the rollout page for the plan with canary, wave size and parallel rollouts set on the plan page. */
async function openRollout(page: Page, canary: ClusterAddress, waveSize: number, parallel: number) {
  const canaryField = page.getByRole('combobox', { name: 'Canary cluster' });
  const value = await canaryField
    .locator('option')
    .filter({ hasText: new RegExp(`^${canary.name} `) })
    .getAttribute('value');
  await canaryField.selectOption(value!);
  await page.getByRole('spinbutton', { name: 'Clusters per wave' }).fill(String(waveSize));
  await page.getByRole('spinbutton', { name: 'Rollouts at once' }).fill(String(parallel));
  await page.getByRole('button', { name: 'Start the rollout' }).click();
  await expect(page).toHaveURL(/\/fleet\/rollout\?id=/);
}

test.describe('fleet rollout', () => {
  test.setTimeout(180_000);

  test('canary first, then waves with at most M rollouts at once; a reload resumes without re-applying; a cluster changed elsewhere is a conflict', async ({
    page,
    emulator,
  }) => {
    const world = await setUpExpiringFleet(emulator, { more: [LEGACY, INGRESS, SANDBOX] });
    await signInWithMsal(page, 'Olivia Owner');
    await planReplacement(page, world);
    const setUp = await rolloutHistory();
    // 6 to apply: the canary, then waves of 2 with 2 at once.
    await openRollout(page, STAGING, 2, 2);
    await expect(page.getByTestId('run-cluster')).toHaveCount(world.trusting.length);
    await expectAccessible(page, 'fleet rollout before the start');
    await page.getByRole('button', { name: 'Start the rollout' }).click();
    await expect(runRow(page, STAGING.name)).toHaveAttribute('data-state', 'rolling-out');
    await expect(page.getByTestId('run-wave')).toHaveText(/^Canary/);
    await expect(runRow(page, STAGING.name)).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });

    // Once both clusters of the first wave are rolling, Pause: they finish, the next wave does not start; then reload.
    const waveOne = await page
      .locator('[data-testid="run-cluster"]')
      .evaluateAll((rows) => rows.slice(1, 3).map((row) => row.getAttribute('data-cluster') ?? ''));
    for (const name of waveOne)
      await expect(runRow(page, name)).toHaveAttribute('data-state', /^(rolling-out|succeeded)$/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    for (const name of waveOne)
      await expect(runRow(page, name)).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    const waitingRows = page.locator('[data-testid="run-cluster"][data-state="waiting"]');
    await expect(waitingRows).toHaveCount(world.toApply.length - 1 - waveOne.length);
    await expectAccessible(page, 'fleet rollout running');
    await page.reload();
    await expect(page.getByTestId('run-started-here')).toBeVisible();
    await Promise.all([...world.toApply].map((cluster) => waitUntilSucceeded(cluster, 60_000)));

    // Meanwhile someone else changes a cluster of a later wave: the run must not overwrite it.
    const later = world.toApply.find((c) => c.name !== STAGING.name && !waveOne.includes(c.name))!;
    const theirs = caBundle(await readCluster(later)).slice(0, 1);
    await changeCaBundleElsewhere(later, theirs);
    await waitUntilSucceeded(later, 60_000);
    const firstRun = await rolloutHistory(setUp);
    const conflictEdit = firstRun.filter((e) => e.name === later.name);

    await page.getByRole('button', { name: 'Continue the rollout' }).click();
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
    for (const name of [STAGING.name, ...waveOne]) {
      await expect(runRow(page, name)).toHaveAttribute('data-state', 'succeeded');
      await expect(runRow(page, name)).toHaveAttribute('data-already', 'true');
    }
    await expect(runRow(page, later.name)).toHaveAttribute('data-state', 'conflict');
    await expect(runRow(page, later.name).getByTestId('run-message')).not.toBeEmpty();
    expect(caBundle(await readCluster(later))).toEqual(theirs);
    for (const cluster of world.blocked)
      await expect(runRow(page, cluster.name)).toHaveAttribute('data-state', 'blocked');

    // From the emulator: the canary ran alone and first, never more than 2 at once, nothing rolled twice, and the
    // continued run started only the clusters not done yet (none for the conflicting one).
    const conflictIds = new Set(conflictEdit.map((e) => e.operationId));
    const history = (await rolloutHistory(setUp)).filter(
      (e) => world.toApply.some((c) => c.name === e.name) && !conflictIds.has(e.operationId),
    );
    const canary = history.filter((e) => e.name === STAGING.name);
    expect(canary).toHaveLength(1);
    for (const entry of history.filter((e) => e.name !== STAGING.name))
      expect(Date.parse(entry.startedAt)).toBeGreaterThanOrEqual(Date.parse(canary[0]!.endedAt!));
    expect(maxAtOnce(history)).toBeLessThanOrEqual(2);
    const perCluster = new Map<string, number>();
    for (const entry of history) perCluster.set(entry.name, (perCluster.get(entry.name) ?? 0) + 1);
    for (const cluster of world.toApply)
      expect(perCluster.get(cluster.name) ?? 0, cluster.name).toBe(cluster === later ? 0 : 1);
  });

  test('a fault injected into one cluster’s rollout stops the next waves and is reported', async ({
    page,
    emulator,
  }) => {
    const world = await setUpExpiringFleet(emulator, { more: [LEGACY, INGRESS] });
    await signInWithMsal(page, 'Olivia Owner');
    await planReplacement(page, world);
    await openRollout(page, STAGING, 2, 2);
    await expect(page.getByTestId('run-cluster')).toHaveCount(world.trusting.length);
    const order = await page
      .locator('[data-testid="run-cluster"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-cluster') ?? ''));
    const failing = world.toApply.find((c) => c.name === order[1])!;
    await emulator.failNextRollout({
      code: 'InternalOperationError',
      message: 'Injected by the fleet spec.',
      afterBatches: 1,
      cluster: failing.name,
    });
    await page.getByRole('button', { name: 'Start the rollout' }).click();
    await expect(runRow(page, failing.name)).toHaveAttribute('data-state', 'failed', { timeout: 90_000 });
    await expect(page.getByTestId('run-phase')).toHaveAttribute('data-phase', 'stopped-on-failure', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('run-stop-reason')).toContainText(failing.name);
    await expect(runRow(page, failing.name).getByTestId('run-message')).toContainText('Injected by the fleet spec.');
    // The waves after the failing one never started: skipped, and their bundles are untouched.
    for (const name of order.slice(3).filter((n) => world.toApply.some((c) => c.name === n))) {
      await expect(runRow(page, name)).toHaveAttribute('data-state', 'skipped');
      const cluster = world.toApply.find((c) => c.name === name)!;
      expect(caBundle(await readCluster(cluster))).toContain(world.expiring.pem);
    }
    await expectAccessible(page, 'fleet rollout stopped on a failure');
  });
});
