import { readFileSync } from 'node:fs';
import { expect, signInWithMsal, test } from './fixtures';
import { EMULATOR_URL, serverOutputFile } from './environment';
import { WEB } from './support/arm';
import { makeEditorFixtures } from './support/certificates';
import { withShortLivedTokens } from './support/emulator-settings';
import { leakedSlice, slicesOf } from './support/token-slices';

const tokenFields = ['access_token', 'id_token', 'refresh_token'] as const;

test('a full flow leaves one JSON line per action and route, with ARM ids, and no slice of any issued token in any server output', async ({
  page,
  emulator,
  clusterPage: cluster,
  rolloutPage: rollout,
  inventoryPage,
}) => {
  test.setTimeout(180_000);
  await emulator.setSpeed(500);
  // Every token the emulator's Entra look-alike issues to this browser.
  const issued = new Set<string>();
  page.on('response', async (response) => {
    if (!response.url().startsWith(`${EMULATOR_URL}/`) || !/\/oauth2\/v2\.0\/token\b/.test(response.url())) return;
    const body = (await response.json().catch(() => ({}))) as Partial<Record<(typeof tokenFields)[number], string>>;
    for (const field of tokenFields) if (body[field]) issued.add(body[field]!);
  });
  const certs = await makeEditorFixtures();
  const startedAt = new Date().toISOString();

  await withShortLivedTokens(async () => {
    await signInWithMsal(page, 'Olivia Owner');
    await inventoryPage.waitUntilLoaded();
    await cluster.open(WEB);
    await cluster.addFile('partner-root.crt', certs.goodCa);
    await expect(cluster.diffSummary()).toHaveText('Changes: 1 added, 0 removed, 0 rotated, 2 unchanged.');
    await cluster.applyAndConfirm();
    await page.waitForURL(/\/rollout\?op=/);
    await rollout.waitForLive();
    await expect(rollout.outcome()).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });
  });
  expect(issued.size, 'tokens seen').toBeGreaterThanOrEqual(3);

  const appOutput = readFileSync(serverOutputFile('msal-app'), 'utf8');
  const emulatorOutput = readFileSync(serverOutputFile('emulator'), 'utf8');
  expect(emulatorOutput, 'the emulator logs its requests').toMatch(/POST \/\S*token/);

  // One JSON line per action and per route request, with ARM's ids (this test's lines only).
  const lines = appOutput
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => typeof line.time === 'string' && line.time >= startedAt);
  const actions = new Set(lines.filter((l) => l.kind === 'action').map((l) => l.action));
  for (const name of ['getCluster', 'getClusterPermissions', 'applyCaBundle', 'readRolloutSnapshot'])
    expect(actions, name).toContain(name);
  const inventory = lines.find((l) => l.kind === 'route' && l.route === '/api/inventory');
  expect(inventory).toMatchObject({ method: 'POST', status: 200, outcome: 'ok' });
  const apply = lines.find((l) => l.action === 'applyCaBundle')!;
  expect(apply).toMatchObject({ outcome: 'ok', armStatus: expect.any(Number) });
  expect(typeof apply.durationMs).toBe('number');
  const arm = apply.arm as { requestId?: string; correlationId?: string; status: number }[];
  expect(arm.some((call) => call.requestId && call.correlationId)).toBe(true);
  expect(arm.some((call) => call.status === 200 || call.status === 201 || call.status === 202)).toBe(true);

  for (const [name, output] of [
    ['app', appOutput],
    ['emulator', emulatorOutput],
  ] as const) {
    expect(leakedSlice(issued, slicesOf(output)), `a token slice in the ${name} output`).toBeUndefined();
  }
  // And no certificate body either.
  expect(appOutput).not.toContain('BEGIN CERTIFICATE');
});
