import { signInWithMsal, test, expect } from './fixtures';
import { WEB } from './support/arm';
import { cachedBigBundle } from './support/big-bundle';
import { expectNoHorizontalOverflow } from './support/layout';

const COUNT = 4_100;
let text: string;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  text = await cachedBigBundle(COUNT);
});

// The 2 s target itself is measured by `npm run bench:big-paste` (a timed assertion here would be flaky on a
// shared machine); this test checks the settled state and reports how long it took.
test('a 2 MiB paste of 4,100 CAs settles: the count, the first ones on a page of ten, apply blocked, the page responsive', async ({
  page,
  emulator: _,
  clusterPage: cluster,
}) => {
  test.setTimeout(120_000);
  expect(text.length).toBeLessThanOrEqual(2 * 1024 * 1024);
  await signInWithMsal(page, 'Olivia Owner');
  await cluster.open(WEB);

  // Playwright's fill() types through Chromium's editing pipeline, which takes minutes for 2 MiB; a paste lands
  // the text at once, so set it as the browser's paste does (value, then one input event React listens to).
  const area = page.getByLabel('Paste PEM certificates');
  await area.focus();
  const started = Date.now();
  await area.evaluate((element, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await expect(page.getByTestId('not-decoded')).toContainText('4,102 certificates given', { timeout: 60_000 });
  await expect(cluster.finding('too-many-certificates')).toContainText('The bundle has 4102 different certificates');
  await expect(page.getByRole('button', { name: 'Clear the pasted text' })).toBeFocused();
  const settledMs = Date.now() - started;
  test.info().annotations.push({
    type: 'big-paste settled (ms, paste to summary, through Playwright)',
    description: String(settledMs),
  });
  console.log(`big paste of ${COUNT} certificates (${text.length} bytes) settled in ${settledMs} ms`);

  const proposal = page.getByTestId('proposal');
  await expect(proposal.getByTestId('certificate-card')).toHaveCount(10);
  await expect(proposal).toContainText('Bulk CA 00001');
  await expect(page.getByTestId('pager-position').first()).toHaveText('Certificates 1–10 of 52');
  await expect(cluster.applyReason()).toContainText('Fix the');
  await expect(cluster.applyButton()).toBeDisabled();

  // Responsive: the DOM stays small, the next page answers a click.
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  expect(elements).toBeLessThan(6_000);
  await proposal.getByRole('button', { name: 'Next' }).first().click();
  await expect(page.getByTestId('pager-position').first()).toHaveText('Certificates 11–20 of 52');
  await expect(proposal).toContainText('Bulk CA 00009');
  await expectNoHorizontalOverflow(page, 'after a 2 MiB paste');

  // The 2 MiB are not laid out in the textarea; a summary says so and clears them in one action.
  const summary = page.getByTestId('paste-too-big');
  await expect(summary).toContainText(`too large to edit here: ${text.length.toLocaleString('en-US')} characters`);
  await summary.getByRole('button', { name: 'Clear the pasted text' }).click();
  await expect(page.getByLabel('Paste PEM certificates')).toHaveValue('');
  await expect(page.getByTestId('not-decoded')).toHaveCount(0);
  await expect(cluster.proposalStatus()).toContainText('no errors');
});
