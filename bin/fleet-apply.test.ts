/**
 * `ca-trust fleet apply` against the emulator: a rotation planned with `ca-trust fleet plan` across both tenants, then
 * applied wave by wave. "At most M at once" and "not re-applied" are checked from the emulator's rollout history
 * (GET /_emulator/rollouts/history), never from the CLI's own words. The kill test runs the CLI as a child process.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueCertificate } from '../emulator/certs';
import { TENANTS } from '../emulator/directory';
import { httpsClient } from '../emulator/testing/https-client';
import type { RunningEmulator } from '../emulator/server';
import { SEED } from '../emulator/arm/seed/clusters';
import type { FleetRunReport } from '../lib/fleet/runner';
import {
  emulatorTokens,
  entrySha256,
  fleetArm,
  runFleetCli,
  startFleetEmulator,
  type Address,
} from './testing/fleet-arm';

vi.mock('server-only', () => ({}));

const [CONTOSO] = TENANTS.map((t) => t.tenantId) as [string, string];

let emulator: RunningEmulator;
let dir: string;
let get: ReturnType<typeof httpsClient>;
let successorFile: string;
let expiring: string;
let expiringSha256: string;
let strangerEntry: string;
const { tokenFor, credentialOf } = emulatorTokens(
  () => emulator.baseUrl,
  () => get,
);
const credential = credentialOf('owner', CONTOSO);

const caTrust = (args: string[]) => runFleetCli(args, emulator, credential);

const { addEntries, waitSucceeded, entriesOf, speed } = fleetArm(
  () => emulator.baseUrl,
  () => get,
  tokenFor,
);
const idOf = (a: Address) =>
  `/subscriptions/${a.subscriptionId}/resourcegroups/${a.resourceGroup}/providers/microsoft.containerservice/managedclusters/${a.name}`.toLowerCase();

const control = (path: string, method: string, json?: unknown) =>
  get(`${emulator.baseUrl}/_emulator${path}`, { method, ...(json === undefined ? {} : { json }) });

interface Rollout {
  operationId: string;
  clusterId: string;
  startTime: string;
  endTime: string | null;
}
const history = async () => (await control('/rollouts/history', 'GET')).json<{ value: Rollout[] }>().value;

function maxOverlap(rollouts: Rollout[]): number {
  const points = rollouts.flatMap((r) => [
    { at: Date.parse(r.startTime), delta: 1 },
    { at: r.endTime ? Date.parse(r.endTime) : Infinity, delta: -1 },
  ]);
  points.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let max = 0;
  for (const p of points) max = Math.max(max, (now += p.delta));
  return max;
}

const ALL = [SEED.web, SEED.legacy, SEED.staging, SEED.canary, SEED.azl];
const CONTOSO_ONLY = [SEED.web, SEED.legacy, SEED.staging, SEED.canary];

/** Back to the seed; the expiring staging CA added to four more clusters (both tenants); the plan file written. */
async function prepare(scope: string[] = []): Promise<{ planFile: string; before: string[] }> {
  await control('/reset', 'POST');
  await speed(1);
  await waitSucceeded([SEED.canary]);
  await Promise.all([SEED.web, SEED.legacy, SEED.azl, SEED.canary].map((a) => addEntries(a, [expiring])));
  await waitSucceeded(ALL);
  const planFile = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  const planned = await caTrust([
    'plan',
    '--quiet',
    '--replace',
    `${expiringSha256}=${successorFile}`,
    '--out',
    planFile,
    ...scope,
  ]);
  expect(planned.code).toBe(0);
  return { planFile, before: (await history()).map((r) => r.operationId) };
}

beforeAll(async () => {
  ({ dir, emulator, get, successorFile } = await startFleetEmulator('fleet-apply-cli-'));
  const stranger = await issueCertificate({ subject: 'CN=Someone Else CA, O=Elsewhere', isCA: true });
  strangerEntry = Buffer.from(stranger.certPem).toString('base64');
  await speed(1);
  [expiring] = (await entriesOf(SEED.staging)) as [string];
  expiringSha256 = entrySha256(expiring);
}, 120_000);

afterAll(async () => {
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => undefined);

const apply = (planFile: string, extra: string[] = []) =>
  caTrust(['apply', planFile, '--yes', '--quiet', '--poll', '100ms', ...extra]);
const newRollouts = (all: Rollout[], before: string[]) => all.filter((r) => !before.includes(r.operationId));

describe('ca-trust fleet apply', () => {
  it('applies a rotation across both tenants: canary first, then waves, at most --parallel at once', async () => {
    const { planFile, before } = await prepare();
    await speed(20);
    const run = await apply(planFile, ['--wave-size', '2', '--parallel', '2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as FleetRunReport;
    expect(report.phase).toBe('done');
    expect(report.counts).toMatchObject({ succeeded: 5, failed: 0, conflict: 0, skipped: 0, alreadyDone: 0 });
    expect(report.waves.map((w) => w.length)).toEqual([1, 2, 2]);
    const rollouts = newRollouts(await history(), before);
    expect(rollouts.map((r) => r.clusterId).sort()).toEqual(ALL.map(idOf).sort());
    expect(maxOverlap(rollouts)).toBeLessThanOrEqual(2);
    // The canary's rollout ended before any other began.
    const canary = rollouts.find((r) => r.clusterId === report.waves[0]![0]!.toLowerCase())!;
    for (const r of rollouts)
      if (r !== canary) expect(Date.parse(r.startTime)).toBeGreaterThanOrEqual(Date.parse(canary.endTime!));
    for (const a of ALL) expect((await entriesOf(a)).map(entrySha256)).not.toContain(expiringSha256);
    // Run again: everything is already done, nothing is written.
    const again = await apply(planFile);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as FleetRunReport).counts.alreadyDone).toBe(5);
    expect(newRollouts(await history(), before)).toHaveLength(5);
  }, 120_000);

  it('a fault in one cluster stops the later waves: exit 1, the rest skipped and untouched', async () => {
    const { planFile, before } = await prepare();
    await speed(5);
    await control('/rollouts/fail-next', 'POST', { cluster: SEED.legacy, afterBatches: 1 });
    const run = await apply(planFile, ['--wave-size', '1', '--parallel', '1', '--canary', SEED.web.name]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as FleetRunReport;
    expect(report.phase).toBe('stopped-on-failure');
    const result = (a: Address) => report.clusters.find((c) => c.name === a.name)!.result;
    expect(result(SEED.web)).toEqual({ state: 'succeeded', already: false });
    expect(result(SEED.legacy)).toMatchObject({ state: 'failed' });
    expect(report.counts.skipped).toBe(3);
    const rolled = newRollouts(await history(), before).map((r) => r.clusterId);
    expect(rolled).toEqual([idOf(SEED.web), idOf(SEED.legacy)]);
    expect((await entriesOf(SEED.azl)).map(entrySha256)).toContain(expiringSha256);
  }, 120_000);

  it('a cluster changed elsewhere is a conflict, not overwritten: exit 1', async () => {
    const { planFile } = await prepare();
    await addEntries(SEED.staging, [strangerEntry]);
    await waitSucceeded([SEED.staging]);
    const changed = await entriesOf(SEED.staging);
    const run = await apply(planFile, ['--wave-size', '4']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as FleetRunReport;
    expect(report.counts).toMatchObject({ succeeded: 4, conflict: 1 });
    expect(report.clusters.find((c) => c.name === SEED.staging.name)!.result).toMatchObject({ state: 'conflict' });
    expect(await entriesOf(SEED.staging)).toEqual(changed);
  }, 120_000);

  it('resumes after being killed mid-run without re-applying finished clusters', async () => {
    const { planFile, before } = await prepare(['--tenant', CONTOSO]);
    await speed(40);
    const child = spawn(
      process.execPath,
      [
        'bin/ca-trust.mjs',
        'fleet',
        'apply',
        planFile,
        '--yes',
        '--poll',
        '100ms',
        '--wave-size',
        '1',
        '--parallel',
        '1',
      ],
      {
        env: {
          ...process.env,
          ARM_ENDPOINT: emulator.baseUrl,
          ARM_CA_FILE: emulator.caFile,
          ARM_ACCESS_TOKEN: await tokenFor(CONTOSO),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The canary succeeded and wave 2 is rolling: kill it as a crash would.
        if (/wave 2\/4/.test(stderr) && /rolling-out/.test(stderr.split(/wave 2\/4/)[1] ?? '')) resolve();
      });
      child.on('exit', () => reject(new Error(`the CLI ended before it was killed:\n${stderr}`)));
    });
    child.kill('SIGKILL');
    await exited;
    const killedAt = newRollouts(await history(), before);
    expect(killedAt).toHaveLength(2);
    const run = await apply(planFile, ['--wave-size', '1', '--parallel', '1']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as FleetRunReport;
    expect(report.counts).toMatchObject({ succeeded: 4, alreadyDone: 2 });
    const rolled = newRollouts(await history(), before).map((r) => r.clusterId);
    expect(rolled.sort()).toEqual(CONTOSO_ONLY.map(idOf).sort()); // each exactly once
  }, 120_000);

  it('bad input exits 2: a broken plan file, an unknown canary, no --yes without a terminal', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"v":1,"clusters":[]}');
    const bad = await caTrust(['apply', broken, '--yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.json/);
    const { planFile } = await prepare();
    expect((await caTrust(['apply', planFile, '--yes', '--canary', 'nope'])).code).toBe(2);
    const noYes = await caTrust(['apply', planFile]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toMatch(/--yes/);
    expect((await caTrust(['apply', planFile, '--yes', '--parallel', '0'])).code).toBe(2);
    expect((await caTrust(['apply', join(dir, 'missing.json'), '--yes'])).code).toBe(2);
  }, 120_000);
});
