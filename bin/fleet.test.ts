/**
 * `ca-trust fleet` against the emulator (in this process, as a user points the CLI at it: ARM_ENDPOINT +
 * ARM_CA_FILE). Expected answers come from the emulator's ARM read directly over HTTPS, not from lib code.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUBSCRIPTIONS, TENANTS } from '../emulator/directory';
import { httpsClient } from '../emulator/testing/https-client';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { inventoryRows, toCsv, toFleetCluster } from '../lib/fleet';
import { readCaBundle } from '../lib/pki';
import { runCli } from './cli/main';

vi.mock('server-only', () => ({}));

const BIN = fileURLToPath(new URL('./ca-trust.mjs', import.meta.url));
const [CONTOSO, FABRIKAM] = TENANTS.map((t) => t.tenantId) as [string, string];
const CONTOSO_STAGING = SUBSCRIPTIONS[1]!.subscriptionId;
const CLUSTERS_PATH = 'providers/Microsoft.ContainerService/managedClusters';

let emulator: RunningEmulator;
let dataDir: string;
let get: ReturnType<typeof httpsClient>;
const tokens = new Map<string, string>();

async function tokenFor(tenantId: string): Promise<string> {
  const cached = tokens.get(tenantId);
  if (cached) return cached;
  const response = await get(`${emulator.baseUrl}/_emulator/token`, { json: { persona: 'owner', tenantId } });
  const token = response.json<{ access_token: string }>().access_token;
  tokens.set(tenantId, token);
  return token;
}

/** Stands in for DefaultAzureCredential: the owner persona's token for the tenant asked for (home: Contoso). */
const ownerCredential: TokenCredential = {
  getToken: async (_scopes: string | string[], options?: GetTokenOptions) => ({
    token: await tokenFor(options?.tenantId ?? CONTOSO),
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { ARM_ENDPOINT: emulator.baseUrl, ARM_CA_FILE: emulator.caFile, ...extra };
}

async function caTrust(args: string[], options: { token?: string; stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    fleet: {
      env: env(options.token ? { ARM_ACCESS_TOKEN: options.token } : {}),
      credential: async () => ownerCredential,
      stderrIsTTY: false,
    },
  });
  return { code, stdout, stderr };
}

interface WireCluster {
  id: string;
  name: string;
  properties: { securityProfile?: { customCATrustCertificates?: string[] } };
}

/** The emulator's clusters of one tenant, read directly (every page). */
async function armClusters(tenantId: string): Promise<WireCluster[]> {
  const token = await tokenFor(tenantId);
  const auth = { authorization: `Bearer ${token}` };
  const subs = (await get(`${emulator.baseUrl}/subscriptions?api-version=2022-12-01`, { headers: auth })).json<{
    value: { subscriptionId: string }[];
  }>().value;
  const clusters: WireCluster[] = [];
  for (const sub of subs) {
    let url: string | undefined =
      `${emulator.baseUrl}/subscriptions/${sub.subscriptionId}/${CLUSTERS_PATH}?api-version=2025-01-01`;
    while (url) {
      const page: { value: WireCluster[]; nextLink?: string } = (await get(url, { headers: auth })).json();
      clusters.push(...page.value);
      url = page.nextLink ?? undefined;
    }
  }
  return clusters;
}

/** SHA-256 of the DER inside a wire entry (base64 of PEM text), computed with node:crypto only. */
function entrySha256(entry: string): string {
  const pem = Buffer.from(entry, 'base64').toString('utf8');
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return createHash('sha256').update(Buffer.from(body, 'base64')).digest('hex');
}

const entriesOf = (c: WireCluster) => c.properties.securityProfile?.customCATrustCertificates ?? [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fleet-cli-'));
  emulator = await startEmulator({ port: 0, dataDir, quiet: true });
  get = httpsClient(emulator.caPem);
});

afterAll(async () => {
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await get(`${emulator.baseUrl}/_emulator/reset`, { method: 'POST' });
});

describe('ca-trust fleet list', () => {
  it('--json with ARM_ACCESS_TOKEN matches the emulator clusters of that token tenant, CAs decoded', async () => {
    const token = await tokenFor(CONTOSO);
    const run = await caTrust(['fleet', 'list', '--json'], { token });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const expected = await armClusters(CONTOSO);
    expect(out.clusters.map((c: { id: string }) => c.id.toLowerCase()).sort()).toEqual(
      expected.map((c) => c.id.toLowerCase()).sort(),
    );
    for (const wire of expected) {
      const listed = out.clusters.find((c: { id: string }) => c.id.toLowerCase() === wire.id.toLowerCase());
      expect(listed.tenantId).toBe(CONTOSO);
      expect(listed.certificates.map((c: { sha256: string }) => c.sha256)).toEqual(entriesOf(wire).map(entrySha256));
    }
    expect(out.failures).toEqual([]);
    // progress went to stderr as plain lines; the token appears nowhere
    expect(run.stderr).toMatch(/ca-trust: tenant Contoso: reading 2 subscription\(s\)/);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('with the credential: every tenant (/tenants, then a token per tenant)', async () => {
    const run = await caTrust(['fleet', 'list', '--json', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const ids = JSON.parse(run.stdout).clusters.map((c: { id: string }) => c.id.toLowerCase());
    const expected = [...(await armClusters(CONTOSO)), ...(await armClusters(FABRIKAM))];
    expect(ids.sort()).toEqual(expected.map((c) => c.id.toLowerCase()).sort());
  });

  it('--csv: one row per cluster and CA, the columns a spreadsheet expects; --tenant and --subscription narrow it', async () => {
    const run = await caTrust(['fleet', 'list', '--csv', '--quiet', '--subscription', CONTOSO_STAGING]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Tenant,Tenant ID,Subscription,Subscription ID,Resource group,Cluster,CA name,SHA-256,Not after (UTC),Days left,Status',
    );
    expect(
      lines.slice(1).every((line) => line.startsWith(`Contoso,${CONTOSO},contoso-staging,${CONTOSO_STAGING},`)),
    ).toBe(true);
    expect(lines.some((line) => line.includes('aks-dev-eus2,,,,,no-custom-ca'))).toBe(true); // no custom CA: one row
    const fabrikam = await caTrust(['fleet', 'list', '--json', '--quiet', '--tenant', FABRIKAM]);
    expect(JSON.parse(fabrikam.stdout).clusters.every((c: { tenantId: string }) => c.tenantId === FABRIKAM)).toBe(true);
  });
});

describe('one export for page and CLI', () => {
  it("fleet list --csv --now is byte-identical to the fleet page's Inventory CSV of the same clusters and now", async () => {
    const now = new Date('2026-12-01T12:00:00.000Z');
    const run = await caTrust(['fleet', 'list', '--csv', '--quiet', '--now', now.toISOString()]);
    expect(run.code).toBe(0);
    // The page's path: ARM clusters as ClusterSummary, CAs decoded by lib/pki, toFleetCluster, then the
    // download button's toCsv(inventoryRows(clusters, now)). Here the clusters are read from ARM directly.
    const clusters = [];
    for (const tenant of TENANTS) {
      for (const wire of await armClusters(tenant.tenantId)) {
        const subscriptionId = wire.id.split('/')[2]!;
        const subscription = SUBSCRIPTIONS.find(
          (s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
        )!;
        const entries = entriesOf(wire).map((entry) => Buffer.from(entry, 'base64').toString('utf8'));
        const { certificates } = entries.length ? await readCaBundle(entries, { now }) : { certificates: [] };
        clusters.push(
          toFleetCluster(
            { id: wire.id, name: wire.name, resourceGroup: wire.id.split('/')[4]!, subscriptionId },
            { tenantId: tenant.tenantId, tenantName: tenant.displayName, subscriptionName: subscription.displayName },
            certificates,
          ),
        );
      }
    }
    const page = toCsv(inventoryRows(clusters, now));
    expect(run.stdout).toBe(page);
    expect(page).toMatch(/,-?\d+,(ok|expiring|critical|expired|not-yet-valid)\r\n/);
  });
});

describe('ca-trust fleet expiring', () => {
  it('--within 30d exits 1 on the seed: the CA expiring in ~20 days and the expired one', async () => {
    const run = await caTrust(['fleet', 'expiring', '--within', '30d', '--json', '--quiet']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    const found = out.expiring.map((row: { cluster: string; certificate: { status: string } }) => [
      row.cluster,
      row.certificate.status,
    ]);
    expect(found).toEqual([
      ['aks-core-gwc', 'expired'],
      ['aks-staging-eus2', 'expiring'],
    ]);
    const human = await caTrust(['fleet', 'expiring', '--within', '30d', '--quiet']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^STATUS +DAYS +NOT AFTER +CA/);
    expect(human.stdout).toContain('Fabrikam Legacy Root CA 2016');
  });

  it('--within 0d exits 0 on a fleet without expired CAs (the Contoso tenant)', async () => {
    const run = await caTrust(['fleet', 'expiring', '--within', '0d'], { token: await tokenFor(CONTOSO) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^no CA expires within 0 day\(s\) on \d+ cluster\(s\)/);
    expect(
      (await caTrust(['fleet', 'expiring', '--within', '30d', '--quiet'], { token: await tokenFor(CONTOSO) })).code,
    ).toBe(1);
  });

  it('exits 2 on bad input, with a clear message', async () => {
    const bad = await caTrust(['fleet', 'expiring', '--within', 'thirty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--within: must be a duration such as 30d/);
    expect((await caTrust(['fleet', 'expiring'])).code).toBe(2);
    const tenant = await caTrust(['fleet', 'list', '--tenant', 'contoso']);
    expect(tenant.code).toBe(2);
    expect(tenant.stderr).toMatch(/--tenant: each --tenant must be a GUID/);
    const other = await caTrust(['fleet', 'list', '--tenant', FABRIKAM], { token: await tokenFor(CONTOSO) });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/ARM_ACCESS_TOKEN is for tenant/);
  });
});

describe('a throttled subscription', () => {
  const throttle = (count: number) =>
    get(`${emulator.baseUrl}/_emulator/faults`, {
      json: {
        method: 'GET',
        path: `/subscriptions/${CONTOSO_STAGING}/providers/Microsoft.ContainerService/managedClusters`,
        status: 429,
        code: 'SubscriptionRequestsThrottled',
        retryAfterSeconds: 1,
        count,
      },
    });

  it('is retried after Retry-After and read', async () => {
    await throttle(2);
    const run = await caTrust(['fleet', 'list', '--json'], { token: await tokenFor(CONTOSO) });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.failures).toEqual([]);
    expect(out.clusters.some((c: { subscriptionId: string }) => c.subscriptionId === CONTOSO_STAGING)).toBe(true);
    const faults = (await get(`${emulator.baseUrl}/_emulator/faults`)).json<{ value: unknown[] }>();
    expect(faults.value).toEqual([]); // both 429s were answered, then the retry succeeded
  });

  it('still throttled after the retries: reported, not fatal (other subscriptions listed; expiring exits 2)', async () => {
    await throttle(8);
    const run = await caTrust(['fleet', 'expiring', '--within', '30d', '--json'], { token: await tokenFor(CONTOSO) });
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out.failures).toEqual([
      expect.objectContaining({ subscriptionId: CONTOSO_STAGING, throttled: true, code: 'TooManyRequests' }),
    ]);
    expect(out.clustersRead).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/subscription contoso-staging \([^)]+\) not read \(throttled by ARM after retrying\)/);
    expect(run.stderr).toMatch(/1 tenant\(s\)\/subscription\(s\) could not be read \(1 throttled\)/);
  }, 30_000);
});

describe('ca-trust fleet who-trusts', () => {
  let rootEntry: string;
  let rootSha: string;
  let trusting: string[];
  let all: string[];

  beforeAll(async () => {
    await get(`${emulator.baseUrl}/_emulator/reset`, { method: 'POST' }); // runs before the outer beforeEach
    const clusters = [...(await armClusters(CONTOSO)), ...(await armClusters(FABRIKAM))];
    rootEntry = entriesOf(clusters.find((c) => c.name === 'aks-web-prod-neu')!)[0]!;
    rootSha = entrySha256(rootEntry);
    trusting = clusters.filter((c) => entriesOf(c).map(entrySha256).includes(rootSha)).map((c) => c.name);
    all = clusters.map((c) => c.name);
  });

  it('by fingerprint (with colons, any case): the clusters that trust it; --missing: the others', async () => {
    const colons = rootSha.toUpperCase().match(/../g)!.join(':');
    const run = await caTrust(['fleet', 'who-trusts', colons, '--json', '--quiet']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.certificate.displayName).toBe('Contoso Root CA G2');
    expect(out.trusting.map((c: { cluster: string }) => c.cluster).sort()).toEqual([...trusting].sort());
    const missing = await caTrust(['fleet', 'who-trusts', rootSha, '--missing', '--json', '--quiet']);
    expect(
      JSON.parse(missing.stdout)
        .missing.map((c: { cluster: string }) => c.cluster)
        .sort(),
    ).toEqual(all.filter((name) => !trusting.includes(name)).sort());
  });

  it('by file (PEM), and a CA no cluster trusts exits 1', async () => {
    const file = join(dataDir, 'root.pem');
    writeFileSync(file, Buffer.from(rootEntry, 'base64').toString('utf8'));
    const run = await caTrust(['fleet', 'who-trusts', file, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^${trusting.length} of ${all.length} cluster\\(s\\) trust Contoso Root CA G2`),
    );
    const none = await caTrust(['fleet', 'who-trusts', 'ab'.repeat(32), '--quiet']);
    expect(none.code).toBe(1);
    const neither = await caTrust(['fleet', 'who-trusts', join(dataDir, 'nope.pem')]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/neither a SHA-256 fingerprint \(64 hex digits\) nor a readable file/);
  });
});

describe('the launcher', () => {
  it('node bin/ca-trust.mjs fleet list --json runs lib/azure outside Next (server-only resolved) on a clean env', async () => {
    const token = await tokenFor(CONTOSO);
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'fleet', 'list', '--json'], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env({ ARM_ACCESS_TOKEN: token }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.stderr).not.toMatch(/server-only|cannot be imported/i);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).clusters.length).toBe((await armClusters(CONTOSO)).length);
  }, 60_000);
});
