/**
 * Finishing a CA rollout that failed mid-way: the rollout view says to apply the same list again from the cluster
 * page; the cluster page offers "Apply again to finish the rollout" (the list is unchanged, the cluster Failed);
 * the rollout view follows the reconciliation to Succeeded with every pool done. The emulator renews only the
 * nodes left behind (emulator/arm/CONTROL.md, Reconciliation): the pool that had finished keeps its machines.
 */
import { expectAccessible, signInWithMsal } from './fixtures';
import {
  ArmForTests,
  PAYMENTS,
  PERSONAS,
  WEB,
  expect,
  poolHistory,
  recordPoolProgress,
  storeHandle,
  test,
  type ClusterAddress,
} from './rollout-arm';

async function provisioningStates(arm: ArmForTests, cluster: ClusterAddress): Promise<string[]> {
  const wire = (await arm.cluster(cluster)) as {
    properties: { provisioningState: string; agentPoolProfiles: { name: string; provisioningState?: string }[] };
  };
  return [
    wire.properties.provisioningState,
    ...wire.properties.agentPoolProfiles.map((p) => `${p.name}:${p.provisioningState}`),
  ];
}

test.describe('finishing a failed rollout', () => {
  test('a CA change that fails mid-way is finished from the cluster page; the rollout view follows it to Succeeded, every pool done', async ({
    page,
    emulator,
    arm,
    rolloutPage: view,
    clusterPage: cluster,
  }) => {
    test.setTimeout(240_000);
    await signInWithMsal(page, PERSONAS.owner.name);
    await emulator.setSpeed(600);
    // system (3 nodes) finishes in 5 node-phase steps; apps (24) and batch (15) are still rolling at step 6.
    await emulator.failNextRollout({
      code: 'UpgradeFailed',
      message:
        'Drain of node aks-batch-vmss000004 failed when evicting pods: PodDisruptionBudget allows 0 disruptions.',
      afterBatches: 6,
    });
    const web = await arm.caBundle(WEB);
    const failed = await arm.startCaChange(PAYMENTS, (entries) => [...entries, web[1]!]);
    await expect
      .poll(() => provisioningStates(arm, PAYMENTS), { timeout: 60_000 })
      .toEqual(['Failed', 'system:Succeeded', 'apps:Failed', 'batch:Failed']);
    const targetList = await arm.caBundle(PAYMENTS);

    // The failed rollout's view says what to do next, and links to the cluster page (client-side navigation from
    // here on, so the progress recorder installed now sees the next rollout view too).
    await recordPoolProgress(page);
    await storeHandle(page, failed.handle);
    await page.goto(failed.url);
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'failed', { timeout: 30_000 });
    await expect(view.outcome()).toContainText('Apply the same CA list again from the cluster page');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: PAYMENTS.name }).click();

    await expect(page.getByTestId('cluster-status')).toHaveText(/Read from Azure/, { timeout: 30_000 });
    await expect(cluster.state()).toContainText('Failed');
    await expect(cluster.diffSummary()).toHaveText(
      /^No change: the proposed bundle holds the same certificates as the cluster/,
    );
    const finish = cluster.finishRolloutButton();
    await expect(finish).toBeEnabled();
    await expect(cluster.applyReason()).toHaveText(
      'The last operation on this cluster ended Failed: applying the same CA list again asks AKS to renew the nodes that still trust the old list.',
    );
    await expect(page.getByTestId('impact-summary')).toHaveText(
      /^Only nodes not yet renewed are replaced, at most 42 nodes: .*the rollout view shows them\.$/,
    );
    await expectAccessible(page, 'failed cluster: apply again to finish the rollout');

    const systemBefore = (await arm.machinesByPool(PAYMENTS)).system;
    await emulator.setSpeed(1500); // slow enough for the view to see counts between batches
    await page.evaluate(() => {
      const history = (window as unknown as { __poolHistory: Record<string, string[]> }).__poolHistory;
      for (const key of Object.keys(history)) delete history[key];
    });
    await finish.click();
    const dialog = cluster.dialog();
    await expect(dialog.getByRole('heading')).toHaveText(
      `Apply the same CA bundle to ${PAYMENTS.name} again to finish the rollout?`,
    );
    await expect(dialog.getByTestId('dialog-diff')).toContainText(
      'No change to the CA list. The last operation on this cluster ended Failed',
    );
    await expect(dialog.getByTestId('dialog-impact')).toContainText('Only nodes not yet renewed are replaced');
    await expectAccessible(page, 'confirm: apply again to finish the rollout');
    await dialog.getByRole('button', { name: 'Apply again' }).click();

    await page.waitForURL(/\/rollout\?op=/);
    expect(new URL(page.url()).searchParams.get('op')).not.toBe(
      new URL(failed.url, 'https://x').searchParams.get('op'),
    );
    await view.waitForLive();
    await expect(view.stage('nodes')).toHaveAttribute('data-state', 'current', { timeout: 60_000 });
    await expect(view.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 180_000 });
    const pools = await view.pools();
    expect(Object.keys(pools).sort()).toEqual(['apps', 'batch', 'system']);
    for (const [name, pool] of Object.entries(pools)) {
      expect(pool.stage, name).toBe('done');
      expect(Number(pool.updated), name).toBe(pool.total);
    }
    // The pools left behind moved through counts below their totals; the finished pool was not rolled again.
    const history = await poolHistory(page);
    for (const name of ['apps', 'batch']) {
      const values = (history[name] ?? []).filter((v) => v !== 'unknown' && v !== '').map(Number);
      expect(
        values.some((v) => v < pools[name]!.total),
        `${name}: ${history[name]}`,
      ).toBe(true);
    }
    expect((await arm.machinesByPool(PAYMENTS)).system).toEqual(systemBefore);
    expect(await provisioningStates(arm, PAYMENTS)).toEqual([
      'Succeeded',
      'system:Succeeded',
      'apps:Succeeded',
      'batch:Succeeded',
    ]);
    expect(await arm.caBundle(PAYMENTS)).toEqual(targetList);
    await expectAccessible(page, 'finished rollout succeeded');

    // With every node renewed, the cluster page is back to "No change".
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: PAYMENTS.name }).click();
    await expect(cluster.state()).toContainText('Succeeded', { timeout: 30_000 });
    await expect(cluster.applyButton()).toBeDisabled();
    await expect(cluster.applyReason()).toContainText('No change');
  });
});
