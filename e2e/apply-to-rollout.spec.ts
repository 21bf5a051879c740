import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { ClusterPage } from './pages/cluster-page';
import { RolloutPage } from './pages/rollout-page';
import { caEntries, readCluster, WEB } from './support/arm';
import { makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

test('apply in the editor hands over to the rollout view, which follows every pool to Succeeded and shows the bundle ARM now holds', async ({ page, emulator }) => {
  await emulator.setSpeed(500);
  const cluster = new ClusterPage(page);
  const rollout = new RolloutPage(page);
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);
  await cluster.addFile('partner-root.crt', certs.goodCa);
  await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
  await cluster.applyAndConfirm();

  await page.waitForURL(new RegExp(`/clusters/${WEB.subscriptionId}/${WEB.resourceGroup}/${WEB.name}/rollout\\?h=`));
  await rollout.waitForLive();
  await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });

  // Both Linux pools (3 + 6 nodes) were replaced in full, and the read-back list is the one applied.
  const pools = await rollout.pools();
  expect(pools.nodepool1).toMatchObject({ replaced: 3, total: 3 });
  expect(pools.web).toMatchObject({ replaced: 6, total: 6 });
  await expect(page.getByTestId('trusted-certificate')).toHaveCount(3);
  await expect(page.getByTestId('trusted-bundle')).toContainText('Contoso Partner Root CA');
  expect(caEntries(await readCluster(WEB))).toHaveLength(3);
  await expectAccessible(page, 'rollout finished after a UI apply');
});
