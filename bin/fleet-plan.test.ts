/**
 * `ca-trust fleet plan` against the emulator (in this process, as a user points the CLI at it). The fleet is set up
 * through ARM as az would (GET, change the list, PUT); expected fingerprints come from node:crypto, not lib code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueCertificate } from '../emulator/certs';
import { SUBSCRIPTIONS, TENANTS } from '../emulator/directory';
import { httpsClient } from '../emulator/testing/https-client';
import type { RunningEmulator } from '../emulator/server';
import { SEED } from '../emulator/arm/seed/clusters';
import { parsePlanFile } from '../lib/fleet/plan/plan-file';
import type { FleetPlan } from '../lib/fleet/plan';
import { emulatorTokens, entrySha256, fleetArm, runFleetCli, startFleetEmulator } from './testing/fleet-arm';

vi.mock('server-only', () => ({}));

const [CONTOSO, FABRIKAM] = TENANTS.map((t) => t.tenantId) as [string, string];
const STAGING = SUBSCRIPTIONS[1]!.subscriptionId;
const SANDBOX = SUBSCRIPTIONS[3]!.subscriptionId;

let emulator: RunningEmulator;
let dir: string;
let get: ReturnType<typeof httpsClient>;
let successorFile: string;
let successorSha256: string;
let expiringSha256: string;
const { tokenFor, credentialOf } = emulatorTokens(
  () => emulator.baseUrl,
  () => get,
);

const caTrust = (args: string[], persona = 'owner', home = CONTOSO) =>
  runFleetCli(['plan', '--quiet', ...args], emulator, credentialOf(persona, home));

const { addEntries, waitSucceeded, entriesOf, speed } = fleetArm(
  () => emulator.baseUrl,
  () => get,
  tokenFor,
);

beforeAll(async () => {
  const fixture = await startFleetEmulator('fleet-plan-cli-');
  ({ dir, emulator, get, successorFile } = fixture);
  successorSha256 = createHash('sha256').update(Buffer.from(fixture.successor.certificate.rawData)).digest('hex');

  // The expiring CA of aks-staging-eus2 is trusted in both tenants and three subscriptions: fast rollouts first.
  await speed(1);
  const [expiring] = await entriesOf(SEED.staging);
  expiringSha256 = entrySha256(expiring!);
  await waitSucceeded([SEED.canary]); // the seed's running rollout, now fast
  await Promise.all([SEED.web, SEED.legacy, SEED.azl].map((a) => addEntries(a, [expiring!])));
  await waitSucceeded([SEED.web, SEED.legacy, SEED.azl]);
  // Then a rollout that stays running: the canary takes the expiring CA too, slowly.
  await speed(600_000);
  await addEntries(SEED.canary, [expiring!]);
}, 120_000);

afterAll(async () => {
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ca-trust fleet plan', () => {
  it('replaces the expiring CA by its successor on every cluster that trusts it, in both tenants', async () => {
    const run = await caTrust(['--replace', `${expiringSha256.toUpperCase()}=${successorFile}`, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as FleetPlan;
    expect(plan.target).toEqual({ trusts: expiringSha256 });
    const byName = Object.fromEntries(plan.clusters.map((c) => [c.ref.name, c]));
    expect(plan.clusters.map((c) => c.ref.name)).toEqual([
      'aks-legacy-win-weu',
      'aks-web-prod-neu',
      'aks-canary-eus2',
      'aks-staging-eus2',
      'aks-azurelinux-sdc',
    ]);
    for (const a of [SEED.web, SEED.legacy, SEED.azl, SEED.staging, SEED.canary]) {
      const before = (await entriesOf(a)).map(entrySha256);
      const planned = byName[a.name]!;
      expect(planned.before).toEqual(before);
      expect(planned.after).toEqual(before.map((s) => (s === expiringSha256 ? successorSha256 : s)));
      expect(planned.added).toEqual([successorSha256]);
      expect(planned.removed).toEqual([expiringSha256]);
    }
    expect(byName['aks-canary-eus2']!.block).toMatchObject({ reason: 'operation-running' });
    expect(byName['aks-canary-eus2']!.block!.message).toMatch(/Updating/);
    // Windows beside Linux: applied, only the Linux pools' nodes are replaced.
    const legacy = byName['aks-legacy-win-weu']!;
    expect(legacy.block).toBeNull();
    expect(legacy.machinesReplaced).toBe(6);
    expect(legacy.pools).toEqual([
      { name: 'system', count: 2, replaced: true },
      { name: 'linux', count: 4, replaced: true },
      { name: 'win22', count: 3, replaced: false },
    ]);
    expect(plan.totals).toEqual({
      clusters: 5,
      toApply: 4,
      blocked: 1,
      machinesReplaced: 6 + 9 + 5 + 2,
      blockedBy: { 'operation-running': 1 },
    });
    expect(plan.certificates[successorSha256]).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // The JSON is the plan file; it reads back.
    expect(await parsePlanFile(run.stdout)).toEqual({ ok: true, plan });
  });

  it('prints a table with reasons and totals; blocked: stopped, operation running; --out writes the plan file', async () => {
    const out = join(dir, 'plan.json');
    const run = await caTrust(['--add', successorFile, '--subscription', STAGING, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`ca-trust: plan written to ${out}\n`);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Add 1 certificate(s)');
    expect(lines[1]).toMatch(/^CLUSTER +TENANT \/ SUBSCRIPTION +CHANGE +NODES REPLACED +BLOCKED$/);
    expect(run.stdout).toMatch(/aks-dev-eus2 +Contoso \/ contoso-staging +\+1 -0 +cluster-stopped/);
    expect(run.stdout).toMatch(/aks-canary-eus2 +Contoso \/ contoso-staging +\+1 -0 +operation-running/);
    expect(run.stdout).toMatch(/aks-staging-eus2 +Contoso \/ contoso-staging +\+1 -0 +5\n/);
    expect(run.stdout).toMatch(
      /aks-dev-eus2: The cluster is stopped.*az aks start --resource-group rg-dev --name aks-dev-eus2/,
    );
    expect(run.stdout).toMatch(
      /3 cluster\(s\): 1 to apply, replacing 5 Linux node\(s\); 2 blocked \((cluster-stopped 1, operation-running 1|operation-running 1, cluster-stopped 1)\)\n$/,
    );
    const file = await parsePlanFile(readFileSync(out, 'utf8'));
    // Sorted by tenant, subscription, resource group (rg-dev before rg-staging), name.
    expect(file.ok && file.plan.clusters.map((c) => c.ref.name)).toEqual([
      'aks-dev-eus2',
      'aks-canary-eus2',
      'aks-staging-eus2',
    ]);
  });

  it('no write permission is read from ARM: a Reader sees its clusters blocked, its Contributor ones not', async () => {
    // Omar: Contributor on fabrikam-platform, Reader on contoso-staging.
    const run = await caTrust(['--add', successorFile, '--name', 'aks-*', '--json'], 'operator', FABRIKAM);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as FleetPlan;
    const reasons = Object.fromEntries(plan.clusters.map((c) => [c.ref.name, c.block?.reason ?? null]));
    expect(reasons).toMatchObject({
      'aks-staging-eus2': 'no-write-permission',
      'aks-dev-eus2': 'no-write-permission',
      'aks-ingress-gwc': null,
      'aks-core-gwc': 'certificate-errors', // it still trusts an expired CA
      'aks-data-gwc': null, // Failed: a write may retry it
    });
  });

  it('--where missing, --tenant and --name narrow the target', async () => {
    const run = await caTrust([
      '--add',
      successorFile,
      '--where',
      `missing:${expiringSha256}`,
      '--tenant',
      FABRIKAM,
      '--name',
      '*-GWC',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as FleetPlan;
    expect(plan.clusters.map((c) => c.ref.name).sort()).toEqual(['aks-core-gwc', 'aks-data-gwc', 'aks-ingress-gwc']);
    expect(plan.target).toEqual({ missing: expiringSha256, tenantId: FABRIKAM, name: '*-GWC' });
  });

  it('exits 2 on bad input, with a clear message and nothing on stdout', async () => {
    const keyFile = join(dir, 'with-key.pem');
    const leaky = await issueCertificate({ subject: 'CN=Leaky CA', isCA: true });
    writeFileSync(keyFile, leaky.certPem + leaky.keyPem);
    const cases: [string[], RegExp][] = [
      [[], /exactly one change/],
      [['--add', successorFile, '--remove', expiringSha256], /exactly one change/],
      [['--remove', 'abc'], /--remove: "abc" is not a SHA-256/],
      [['--replace', expiringSha256], /SHA256=FILE/],
      [['--replace', `${expiringSha256}=${join(dir, 'nope.pem')}`], /no such file/],
      [['--add', keyFile], /private key/],
      [['--add', successorFile, '--where', 'trusts:xyz'], /--where/],
      [['--add', successorFile, '--where', 'owner:me'], /trusts:SHA256 or missing:SHA256/],
      [['--add', successorFile, '--tenant', CONTOSO, '--tenant', FABRIKAM], /--tenant/],
      [['--baseline', keyFile], /--baseline: .*private key/],
    ];
    for (const [args, message] of cases) {
      const run = await caTrust(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain(leaky.keyPem.split('\n')[1]!);
    }
  });

  it('exits 2 when a subscription could not be read, and still prints the plan of the rest', async () => {
    await get(`${emulator.baseUrl}/_emulator/faults`, {
      json: {
        method: 'GET',
        path: `/subscriptions/${SANDBOX}/providers/Microsoft.ContainerService/managedClusters`,
        status: 403,
        code: 'AuthorizationFailed',
        count: 1,
      },
    });
    const run = await caTrust(['--remove', expiringSha256]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not be read/);
    expect(run.stdout).toMatch(/aks-staging-eus2/);
    expect(run.stdout).not.toMatch(/aks-azurelinux-sdc/);
  });
});
