import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { caBundle, CONTOSO, readCluster, WEB, type ClusterAddress } from './support/arm';
import { makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

const BIG_400: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-big',
  name: 'aks-big-400-weu',
  tenantId: CONTOSO,
};
const BIG_1000: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-big',
  name: 'aks-big-1000-weu',
  tenantId: CONTOSO,
};
const ROLLOUT_URL = /\/rollout\?op=[0-9a-z-]+&since=[^&]+&tenant=/;

test('apply in the editor hands over to the rollout view (short URL, private handle in this browser), which follows every pool to Succeeded and shows the bundle ARM now holds', async ({
  page,
  emulator,
  clusterPage: cluster,
  rolloutPage: rollout,
}) => {
  test.setTimeout(150_000);
  await emulator.setSpeed(500);
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);
  await cluster.addFile('partner-root.crt', certs.goodCa);
  await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
  await cluster.applyAndConfirm();

  await page.waitForURL(ROLLOUT_URL);
  expect(page.url().length).toBeLessThanOrEqual(2048);
  expect(page.url()).not.toContain('&h=');
  await rollout.waitForLive();
  await expect(rollout.signal('operation')).toHaveAttribute('data-state', 'have');
  await expect(rollout.signal('machines-before')).toHaveAttribute('data-state', 'have');
  await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });

  const pools = await rollout.pools();
  expect(pools.nodepool1).toMatchObject({ updated: '3', total: 3, stage: 'done' });
  expect(pools.web).toMatchObject({ updated: '6', total: 6, stage: 'done' });
  await expect(page.getByTestId('trusted-certificate')).toHaveCount(3);
  await expect(page.getByTestId('trusted-bundle')).toContainText('Contoso Partner Root CA');
  expect(caBundle(await readCluster(WEB))).toHaveLength(3);
  await expectAccessible(page, 'rollout finished after a UI apply');
});

for (const big of [BIG_400, BIG_1000]) {
  test(`apply on ${big.name} opens the rollout view with a URL under 2 KB and follows it to the end`, async ({
    page,
    emulator,
    clusterPage: cluster,
    rolloutPage: rollout,
  }) => {
    test.setTimeout(300_000);
    await emulator.setSpeed(1500);
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(big);
    await cluster.addFile('partner-root.crt', certs.goodCa);
    await cluster.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL, { timeout: 60_000 });
    expect(page.url().length).toBeLessThanOrEqual(2048);
    await rollout.waitForLive();
    const total = Object.values(await rollout.pools())
      .filter((p) => p.stage !== 'not-rolled')
      .reduce((sum, p) => sum + p.total, 0);
    expect(total).toBeGreaterThanOrEqual(big === BIG_1000 ? 900 : 350);
    await expect(rollout.stage('nodes')).toHaveAttribute('data-state', 'current', { timeout: 120_000 });
    await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 240_000 });
    await expect(page.getByTestId('updated-total')).toHaveAttribute('data-updated', String(total));
  });
}
