import { execFile } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expectAccessible, signInWithMsal, test, expect } from './fixtures';
import { changeCaBundleElsewhere, WEB } from './support/arm';
import { EKU_SERVER, issue, type Issued } from '../lib/pki/path/tests/chains';
import { serve } from '../lib/pki/path/tests/node-tls';

const HOST = 'registry.contoso.com';

let root: Issued;
let otherCa: Issued;
let sClientOutput: string;

/** The real output of `openssl s_client -showcerts` against a local TLS server sending leaf + intermediate. */
test.beforeAll(async () => {
  root = await issue({ subject: 'CN=Contoso Registry Root CA, O=Contoso' });
  otherCa = await issue({ subject: 'CN=Contoso Proxy Root CA, O=Contoso' });
  const intermediate = await issue({ subject: 'CN=Contoso Registry Issuing CA, O=Contoso', issuer: root });
  const leaf = await issue({ subject: `CN=${HOST}`, issuer: intermediate, ca: false, dns: [HOST], eku: [EKU_SERVER] });
  const server = await serve({ chain: [leaf.pem, intermediate.pem], keyPem: leaf.keyPem });
  try {
    // Asynchronous: the TLS server runs in this process and must answer while openssl connects.
    sClientOutput = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        'openssl',
        ['s_client', '-showcerts', '-connect', `127.0.0.1:${server.port}`, '-servername', HOST],
        { encoding: 'utf8', timeout: 20_000 },
        (error, stdout) => (error && !stdout ? reject(error) : resolve(stdout)),
      );
      child.stdin?.end();
    });
  } finally {
    await server.close();
  }
  expect(sClientOutput).toContain('Certificate chain');
  expect(sClientOutput.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
});

async function checkServer(page: Page) {
  const panel = page.getByTestId('check-server');
  await panel.getByLabel('Host name or IP address').fill(HOST);
  await panel.getByLabel('Chain the server sends').fill(sClientOutput);
  await panel.getByRole('button', { name: 'Check the server' }).click();
  return panel.getByTestId('checked-server').filter({ hasText: HOST });
}

test.describe('Check a server', () => {
  test('removing the CA a server needs is shown in the review before apply', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await changeCaBundleElsewhere(WEB, [root.pem, otherCa.pem]);
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    const server = await checkServer(page);
    await expect(server.getByTestId('verdict-current').getByTestId('verdict')).toHaveText('Trusted');
    await expect(server.getByTestId('verdict-proposed').getByTestId('verdict')).toHaveText('Trusted');
    await expect(server.getByTestId('verdict-current')).toContainText('Contoso Registry Issuing CA');
    await expect(page.getByTestId('trust-change-row')).toHaveAttribute('data-change', 'still-trusted');

    await page.getByRole('button', { name: 'Remove Contoso Registry Root CA from the proposal' }).click();
    await expect(server.getByTestId('verdict-proposed').getByTestId('verdict')).toHaveText('Not trusted');
    await expect(server.getByTestId('verdict-proposed').getByTestId('reason')).toHaveAttribute(
      'data-reason-id',
      'missing-intermediate',
    );
    await expect(server.getByTestId('verdict-current').getByTestId('verdict')).toHaveText('Trusted');
    const review = page.getByTestId('review');
    await expect(review.getByTestId('trust-change-row')).toHaveAttribute('data-change', 'breaks');
    await expect(review.getByTestId('trust-change-row')).toContainText(`This change breaks trust for ${HOST}`);
    await expect(review.getByTestId('trust-change-row')).toContainText("'Contoso Registry Root CA'");
    await expectAccessible(page, 'a checked server the proposal breaks');
  });

  test('adding the CA makes the server trusted; the checked server stays in this browser', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    const server = await checkServer(page);
    await expect(server.getByTestId('verdict-current').getByTestId('verdict')).toHaveText('Not trusted');
    await expect(server.getByTestId('verdict-current').getByTestId('reason')).toHaveAttribute(
      'data-reason-id',
      'missing-intermediate',
    );
    await expect(page.getByTestId('trust-change-row')).toHaveAttribute('data-change', 'still-untrusted');

    await cluster.paste(root.pem);
    await expect(server.getByTestId('verdict-proposed').getByTestId('verdict')).toHaveText('Trusted');
    await expect(page.getByTestId('trust-change-row')).toHaveAttribute('data-change', 'fixes');
    await expect(page.getByTestId('trust-change-row')).toHaveText(`This change makes ${HOST} trusted.`);
    await expectAccessible(page, 'a checked server the proposal makes trusted');

    // Kept per cluster in localStorage and checked again when the page opens.
    await cluster.open(WEB);
    await expect(page.getByTestId('checked-server')).toHaveCount(1);
    await expect(page.getByTestId('checked-server').getByTestId('verdict-current').getByTestId('verdict')).toHaveText(
      'Not trusted',
    );
  });

  test('a paste without certificates is refused with what to do', async ({
    page,
    emulator: _,
    clusterPage: cluster,
  }) => {
    await signInWithMsal(page, 'Olivia Owner');
    await cluster.open(WEB);
    const panel = page.getByTestId('check-server');
    await panel.getByLabel('Host name or IP address').fill(HOST);
    await panel.getByLabel('Chain the server sends').fill('CONNECTED(00000003)\nno peer certificate available\n');
    await panel.getByRole('button', { name: 'Check the server' }).click();
    await expect(panel.getByRole('alert')).toContainText('No certificate found');
    await expect(panel.getByTestId('checked-server')).toHaveCount(0);
  });
});
