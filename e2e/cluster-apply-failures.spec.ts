import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { ClusterPage } from './pages/cluster-page';
import { caBundle, changeCaBundleElsewhere, LEGACY, PAYMENTS, readCluster, WEB } from './support/arm';
import { makeEditorFixtures, type EditorFixtures } from './support/certificates';

let certs: EditorFixtures;
test.beforeAll(async () => {
  certs = await makeEditorFixtures();
});

const ROLLOUT_URL = /\/rollout(\?|$)/;

test.describe('apply when something stands in the way', () => {
  test('a cluster without eTag changed in another browser between review and apply: compared right before the write, the proposal is kept and the new diff shown', async ({
    page,
    browser,
    emulator,
    clusterPage: mine,
  }) => {
    await emulator.setSpeed(50);
    await signInWithMsal(page, 'Olivia Owner');
    await mine.open(WEB);
    await mine.addFile('partner-root.pem', certs.goodCa);
    await expect(mine.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
    await expect(mine.protection()).toHaveAttribute('data-protection', 'compare');
    await expect(mine.protection()).toContainText('compared right before the write');
    await expect(mine.protection()).toContainText('A change in the last instant before the write is not detected.');

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
    await expect
      .poll(async () => (await readCluster(WEB)).properties.provisioningState, { timeout: 30_000 })
      .toBe('Succeeded');
    expect((await readCluster(WEB)).eTag).toBeUndefined();

    await mine.applyButton().click();
    await expect(mine.dialog().getByTestId('dialog-protection')).toContainText('compared right before the write');
    await mine.dialog().getByRole('button', { name: 'Apply the change' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone changed this cluster since you loaded it' });
    await expect(alert).toContainText('Nothing was applied (its CA list changed).');
    await expect(mine.currentBundle()).toContainText('Contoso Lab Root CA');
    await expect(mine.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 3 unchanged.');
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');
    await expect(page.getByTestId('file-list')).toContainText('partner-root.pem');
    await expectAccessible(page, 'conflict found by the comparison');

    await mine.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL);
    expect(caBundle(await readCluster(WEB))).toHaveLength(4);
  });

  test('a cluster with an eTag changed elsewhere: If-Match protects it and the 412 flow follows', async ({
    page,
    emulator,
    clusterPage: mine,
  }) => {
    await emulator.setSpeed(20);
    await signInWithMsal(page, 'Olivia Owner');
    await mine.open(PAYMENTS);
    const before = await readCluster(PAYMENTS);
    expect(before.eTag).toEqual(expect.any(String));
    await mine.addFile('partner-root.pem', certs.goodCa);
    await expect(mine.protection()).toHaveAttribute('data-protection', 'etag');
    await expect(mine.protection()).toContainText('eTag (If-Match)');

    await changeCaBundleElsewhere(PAYMENTS, [...caBundle(before), certs.secondCa]);
    await expect
      .poll(async () => (await readCluster(PAYMENTS)).properties.provisioningState, { timeout: 60_000 })
      .toBe('Succeeded');

    await mine.applyButton().click();
    await expect(mine.dialog().getByTestId('dialog-protection')).toContainText('eTag (If-Match)');
    await mine.dialog().getByRole('button', { name: 'Apply the change' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Someone changed this cluster since you loaded it' }),
    ).toBeVisible();
    await expect(mine.currentBundle()).toContainText('Contoso Lab Root CA');
    await expect(page.getByTestId('diff-added')).toContainText('Contoso Partner Root CA');

    await mine.applyAndConfirm();
    await page.waitForURL(ROLLOUT_URL);
    expect(caBundle(await readCluster(PAYMENTS))).toHaveLength(caBundle(before).length + 2);
  });

  test('the permissions check fails: said so, the editor stays usable, and ARM still refuses the reader at write time', async ({
    page,
    emulator,
    clusterPage: cluster,
  }) => {
    await emulator.addFault({
      method: 'GET',
      path: '/providers/Microsoft.Authorization/permissions',
      status: 400,
      code: 'BadRequest',
      message: 'The permissions service is unavailable.',
      count: 5,
    });
    await signInWithMsal(page, 'Ravi Reader');
    await cluster.open(WEB);
    await expect(page.getByTestId('permissions-unknown')).toContainText(
      'Could not check your permissions on this cluster',
    );
    await expect(page.getByTestId('read-only')).toHaveCount(0);
    await expectAccessible(page, 'permissions could not be checked');
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page.getByRole('alert').filter({ hasText: 'You may not change this cluster' });
    await expect(alert).toContainText(
      'You do not have permission for Microsoft.ContainerService/managedClusters/write',
    );
    await expect(cluster.dialog()).toHaveCount(0);
    expect(caBundle(await readCluster(WEB))).toHaveLength(2);
  });

  test('a write while an operation runs: 409 explained with a link to it', async ({
    page,
    emulator,
    clusterPage: cluster,
  }) => {
    await emulator.addFault({
      method: 'PUT',
      path: `/managedClusters/${WEB.name}`,
      status: 409,
      code: 'OperationNotAllowed',
      message:
        'Operation is not allowed: Another operation (Updating) is in progress, please wait for it to finish before starting a new operation.',
    });
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page.getByRole('alert').filter({ hasText: 'Another operation is running on this cluster' });
    await expect(alert).toContainText('Another operation (Updating) is in progress');
    await expect(alert.getByRole('link', { name: 'Follow the running operation' })).toHaveAttribute(
      'href',
      /\/rollout/,
    );
  });

  test('remove all: its own confirmation, and the field is gone on ARM', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
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

  test("a 400 from ARM shows ARM's message beside our own findings", async ({
    page,
    emulator,
    clusterPage: cluster,
  }) => {
    await emulator.addFault({
      method: 'PUT',
      path: `/managedClusters/${WEB.name}`,
      status: 400,
      code: 'InvalidParameter',
      message: 'The value of parameter securityProfile is invalid.',
    });
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page.getByRole('alert').filter({ hasText: 'Azure Resource Manager refused the change' });
    await expect(alert).toContainText('(InvalidParameter): The value of parameter securityProfile is invalid.');
    await expect(alert).toContainText('Our own checks: no errors.');
  });

  test('a 400 on a cluster with Windows pools: a clear message naming the pools, with ARM’s own words', async ({
    page,
    emulator,
    clusterPage: cluster,
  }) => {
    await emulator.setSettings({ rejectWindowsCaChange: true });
    const before = caBundle(await readCluster(LEGACY));
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(LEGACY);
    await cluster.addFile('partner-root.pem', certs.goodCa);
    await cluster.applyAndConfirm();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'AKS refused the change because of the Windows node pools' });
    await expect(alert).toContainText(
      'This cluster has Windows node pools (win22). AKS supports custom CA trust on Linux nodes only',
    );
    await expect(alert).toContainText('Azure said (InvalidParameter):');
    await expectAccessible(page, 'Windows pools refused');
    expect(caBundle(await readCluster(LEGACY))).toEqual(before);
  });
});
