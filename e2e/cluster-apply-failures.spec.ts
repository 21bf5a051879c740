import { signInWithMsal, test, expect } from './fixtures';
import { ClusterPage } from './pages/cluster-page';
import { caEntries, LEGACY, readCluster, WEB } from './support/arm';
import { makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

const ROLLOUT_URL = /\/rollout\?h=/;

test.describe('apply when something stands in the way', () => {
  test('another browser changes the cluster between load and apply: 412, the proposal is kept and the new diff shown', async ({ page, browser, emulator }) => {
    await emulator.setSpeed(50);
    const mine = new ClusterPage(page);
    await signInWithMsal(page, 'Olivia Owner');
    await mine.open(WEB);
    await mine.addFile('partner-root.pem', certs.goodCa);
    await expect(mine.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');

    const colleagueContext = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const colleaguePage = await colleagueContext.newPage();
      const colleague = new ClusterPage(colleaguePage);
      await signInWithMsal(colleaguePage, 'Olivia Owner');
      await colleague.open(WEB);
      await colleague.addFile('lab-root.pem', certs.secondCa);
      await colleague.applyAndConfirm();
      await colleaguePage.waitForURL(ROLLOUT_URL);
    } finally {
      await colleagueContext.close();
    }
    await expect.poll(async () => (await readCluster(WEB)).properties.provisioningState, { timeout: 30_000 }).toBe('Succeeded');

    await mine.applyAndConfirm();
    await expect(page.getByRole('alert').filter({ hasText: 'Someone changed this cluster since you loaded it' })).toBeVisible();
    await expect(mine.currentBundle()).toContainText('Contoso Lab Root CA');
    await expect(mine.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 3 unchanged.');
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');
    await expect(page.getByTestId('file-list')).toContainText('partner-root.pem');

    await mine.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL);
    expect(caEntries(await readCluster(WEB))).toHaveLength(4);
  });

  test('the reader persona: apply is refused with the permission message', async ({ page, emulator: _ }) => {
    const cluster = new ClusterPage(page);
    await signInWithMsal(page, 'Ravi Reader');
    await cluster.open(WEB);
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page.getByRole('alert').filter({ hasText: 'You may not change this cluster' });
    await expect(alert).toContainText('You do not have permission for Microsoft.ContainerService/managedClusters/write');
    await expect(cluster.dialog()).toHaveCount(0);
    expect(caEntries(await readCluster(WEB))).toHaveLength(2);
  });

  test('a write while an operation runs: 409 explained with a link to it', async ({ page, emulator }) => {
    await emulator.addFault({ method: 'PUT', path: `/managedClusters/${WEB.name}`, status: 409, code: 'OperationNotAllowed', message: 'Operation is not allowed: Another operation (Updating) is in progress, please wait for it to finish before starting a new operation.' });
    const cluster = new ClusterPage(page);
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page.getByRole('alert').filter({ hasText: 'Another operation is running on this cluster' });
    await expect(alert).toContainText('Another operation (Updating) is in progress');
    await expect(alert.getByRole('link', { name: 'Follow the running operation' })).toHaveAttribute('href', /\/rollout/);
  });

  test('remove all: its own confirmation, and the field is gone on ARM', async ({ page, emulator: _ }) => {
    const cluster = new ClusterPage(page);
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await page.getByRole('button', { name: 'Remove all custom CAs…' }).click();
    await expect(cluster.dialog()).toContainText('All 2 custom CA certificates will be removed');
    await cluster.dialog().getByRole('button', { name: 'Remove all custom CAs' }).click();
    await page.waitForURL(ROLLOUT_URL);
    const after = await readCluster(WEB);
    expect(after.properties.securityProfile).toBeDefined();
    expect(after.properties.securityProfile?.customCATrustCertificates).toBeUndefined();
  });

  test('a 400 from ARM shows ARM\'s message beside our own findings', async ({ page, emulator }) => {
    await emulator.addFault({ method: 'PUT', path: `/managedClusters/${LEGACY.name}`, status: 400, code: 'InvalidParameter', message: 'Custom CA trust is not supported on clusters with Windows node pools.' });
    const cluster = new ClusterPage(page);
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(LEGACY);
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page.getByRole('alert').filter({ hasText: 'Azure Resource Manager refused the change' });
    await expect(alert).toContainText('(InvalidParameter): Custom CA trust is not supported on clusters with Windows node pools.');
    await expect(alert).toContainText('Our own checks: no errors.');
  });
});
