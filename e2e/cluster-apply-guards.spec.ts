/** What the cluster page knows before anything is sent: who may write, a stopped cluster, a pool the autoscaler moves. */
import { readFileSync } from 'node:fs';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { caBundle, DEV, PAYMENTS, readCluster, WEB } from './support/arm';
import { makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

test('a reader sees a read-only editor with the reason before editing; exports still work', async ({
  page,
  emulator: _,
  clusterPage: cluster,
}) => {
  await signInWithMsal(page, 'Ravi Reader');
  await cluster.open(WEB);
  await expect(cluster.readOnlyNotice()).toContainText('You can read this cluster but not change it');
  await expect(cluster.readOnlyNotice()).toContainText('do not grant Microsoft.ContainerService/managedClusters/write');
  await expect(cluster.removeAllButton()).toBeDisabled();
  await expect(page.locator('#remove-all-reason')).toContainText('Read-only');

  await cluster.addFile('partner-root.pem', certs.goodCa);
  await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
  await expect(cluster.applyButton()).toBeDisabled();
  await expect(cluster.applyReason()).toContainText('Read-only: your roles on this cluster do not grant');

  await page.getByText('az CLI file (--custom-ca-trust-certificates)').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download ${WEB.name}-ca-bundle.pem` }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(3);
  await expectAccessible(page, 'read-only editor');
  expect(caBundle(await readCluster(WEB))).toHaveLength(2);
});

test('a stopped cluster cannot be applied: start the cluster first', async ({
  page,
  emulator: _,
  clusterPage: cluster,
}) => {
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(DEV);
  await expect(page.getByTestId('cluster-stopped')).toContainText('This cluster is stopped.');
  await expect(page.getByTestId('cluster-stopped')).toContainText(
    `az aks start --resource-group ${DEV.resourceGroup} --name ${DEV.name}`,
  );
  await cluster.addFile('partner-root.pem', certs.goodCa);
  await expect(cluster.applyButton()).toBeDisabled();
  await expect(cluster.applyReason()).toContainText('start the cluster first (az aks start');
  await expect(cluster.removeAllButton()).toBeDisabled();
  await expectAccessible(page, 'stopped cluster');
});

test('the autoscaler changes a pool between review and apply: the change is still applied, with the pool as it is now', async ({
  page,
  emulator,
  clusterPage: cluster,
}) => {
  // As recorded, without eTags: a count the autoscaler changed is not a change the user has to review.
  await emulator.setSettings({ eTags: 'never' });
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(PAYMENTS);
  await cluster.addFile('partner-root.pem', certs.goodCa);
  await expect(cluster.applyButton()).toBeEnabled();

  const apps = () =>
    readCluster(PAYMENTS).then((c) => c.properties.agentPoolProfiles?.find((pool) => pool.name === 'apps')?.count);
  const count = (await apps())!;
  const entries = caBundle(await readCluster(PAYMENTS)).length;
  await emulator.autoscale({
    subscriptionId: PAYMENTS.subscriptionId,
    resourceGroup: PAYMENTS.resourceGroup,
    name: PAYMENTS.name,
    pool: 'apps',
    count: count + 2,
  });
  expect(await apps()).toBe(count + 2);
  // And once more in the instant between the server's read and its PUT: ARM refuses the manual scale, the server
  // reads again and retries once.
  await emulator.addFault({
    method: 'PUT',
    path: `/managedClusters/${PAYMENTS.name}`,
    status: 400,
    code: 'InvalidParameter',
    message: `Cannot manually scale AgentPool apps with cluster autoscaler enabled.`,
  });

  await cluster.applyAndConfirm();
  await page.waitForURL(/\/rollout(\?|$)/);
  // The fault refused the first PUT: reaching the rollout view means the server read again and retried.
  expect(caBundle(await readCluster(PAYMENTS))).toHaveLength(entries + 1);
  expect(await apps()).toBe(count + 2);
});
