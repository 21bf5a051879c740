/**
 * npm run bench:rollout   (needs a production build: npx next build)
 *
 * The production path: one CA rollout (aks-payments-prod-weu: 3 pools, 42 nodes, replace) on the emulator, watched
 * by the production build (Next's standalone server, product poll interval 5 s: ROLLOUT_POLL_MS unset) in real
 * Chromium, first by 1 tab and then by 20 tabs of one user. The user signs in once through real MSAL against the
 * emulator's Entra look-alike; the tabs are pages of one browser context, so they share MSAL's localStorage cache
 * and get their tokens the way a user's tabs do (acquireTokenSilent from the shared cache). Each tab opens the short
 * rollout URL, finds the private handle in localStorage, and polls until the server says the rollout ended.
 * ARM reads are counted from the emulator's request log (every GET under /subscriptions or /tenants, SDK retries
 * included) between the first tab opening and the last tab showing the outcome; the bench itself reads nothing then.
 * The last line is one JSON object.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { appEnvironmentFor } from '../emulator/app-environment';
import { findPersona } from '../emulator/directory';
import { rolloutHref } from '../lib/clusters/links';
import { operationIdOf, type RolloutHandle } from '../lib/rollout/handle';
import { accountTagOf, handleKey } from '../lib/rollout/handle-store';

// Real rollouts take many minutes; 6 s per batch keeps the bench to a few minutes while amortising the reads a start costs.
const MS_PER_BATCH = Number(process.env.BENCH_MS_PER_BATCH ?? 6000);
const API = 'api-version=2025-01-01';
const PAYMENTS = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-payments-prod',
  name: 'aks-payments-prod-weu',
};
const WEB = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-web-prod',
  name: 'aks-web-prod-neu',
};
const owner = findPersona('owner')!;
// MSAL's homeAccountId from the emulator's client_info: `<uid>.<utid>`.
const OWNER = { name: owner.name, homeAccountId: `${owner.objectId}.${owner.homeTenantId}` };
const clusterPath = (c: typeof PAYMENTS) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;

if (!existsSync('.next/standalone/server.js')) {
  console.error('bench:rollout needs a production build: run "npx next build" first.');
  process.exit(1);
}

let armReads = 0;
const emulator = await startEmulator({
  port: 0,
  dataDir: mkdtempSync(join(tmpdir(), 'bench-rollout-')),
  msPerBatch: MS_PER_BATCH,
  log: (line) => {
    if (/^GET \/(subscriptions|tenants)\b/i.test(line)) armReads++;
  },
});

type MachinePage = { value: { name: string }[]; nextLink?: string | null };

interface ClusterJson {
  properties: { agentPoolProfiles: { name: string }[]; securityProfile: { customCATrustCertificates: string[] } };
}

/** One request to the emulator; the caller names the JSON shape it expects (a bench, so no runtime check). */
function call<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: T }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.baseUrl}${path}`,
      {
        method,
        ca: emulator.caPem,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    ...appEnvironmentFor(emulator.baseUrl, emulator.caFile, 'msal'),
  };
  delete env.ROLLOUT_POLL_MS; // the product's interval
  const child = spawn(
    process.execPath,
    ['scripts/start-standalone.mjs', '--port', String(port), '--host', 'localhost'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).status < 500) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the production server did not start');
}

async function signIn(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(OWNER.name) }).click({ timeout: 30_000 });
  await page.getByTestId('signed-in-as').getByText(OWNER.name).waitFor({ timeout: 30_000 });
}

/** Starts the change through ARM the way apply does, and stores the private handle in the context's localStorage. */
async function startRollout(page: Page): Promise<string> {
  await call('POST', '/_emulator/reset');
  await call('PUT', '/_emulator/speed', { msPerBatch: MS_PER_BATCH });
  const token: string = (await call<{ access_token: string }>('POST', '/_emulator/token', { persona: 'owner' })).json
    .access_token;
  const cluster = (await call<ClusterJson>('GET', `${clusterPath(PAYMENTS)}?${API}`, undefined, token)).json;
  const web = (await call<ClusterJson>('GET', `${clusterPath(WEB)}?${API}`, undefined, token)).json;
  const machinesBefore: Record<string, string[]> = {};
  for (const pool of cluster.properties.agentPoolProfiles) {
    const names: string[] = [];
    for (let next: string | null = `${clusterPath(PAYMENTS)}/agentPools/${pool.name}/machines?${API}`; next;) {
      const listed: MachinePage = (await call<MachinePage>('GET', next, undefined, token)).json;
      names.push(...listed.value.map((m) => m.name));
      next = listed.nextLink ? new URL(listed.nextLink).pathname + new URL(listed.nextLink).search : null;
    }
    machinesBefore[pool.name] = names;
  }
  const added = web.properties.securityProfile.customCATrustCertificates[1];
  if (!added) throw new Error('the seed changed: aks-web-prod-neu has fewer than two CAs');
  cluster.properties.securityProfile.customCATrustCertificates.push(added);
  const put = await call('PUT', `${clusterPath(PAYMENTS)}?${API}`, cluster, token);
  if (put.status !== 200) throw new Error(`PUT answered ${put.status}`);
  const operationUrl = String(put.headers['azure-asyncoperation']);
  const handle: RolloutHandle = {
    v: 1,
    clusterId: clusterPath(PAYMENTS),
    operationUrl,
    startedAt: new Date().toISOString(),
    machinesBefore,
  };
  const key = handleKey({
    operationId: operationIdOf(operationUrl),
    clusterId: handle.clusterId,
    since: handle.startedAt,
  });
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key,
    value: JSON.stringify({ v: 1, account: accountTagOf(OWNER), savedAt: Date.now(), handle }),
  });
  await page.goto('about:blank'); // the inventory page reads ARM too: only the rollout tabs are measured
  return rolloutHref(PAYMENTS, undefined, { operationId: operationIdOf(operationUrl), since: handle.startedAt });
}

async function watch(context: BrowserContext, appUrl: string, tabs: number) {
  const home = context.pages()[0]!;
  if (home.url() === 'about:blank') await home.goto(appUrl);
  const path = await startRollout(home);
  const readsAtStart = armReads;
  const started = Date.now();
  const pages = await Promise.all(Array.from({ length: tabs }, () => context.newPage()));
  await Promise.all(
    pages.map(async (page, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 5000) / tabs)); // tabs are not opened in the same millisecond
      await page.goto(`${appUrl}${path}`);
    }),
  );
  const outcomes = await Promise.all(
    pages.map(async (page) => {
      const outcome = page.getByTestId('rollout-outcome');
      await outcome.waitFor({ timeout: 15 * 60_000 });
      return outcome.getAttribute('data-outcome');
    }),
  );
  const ended = Date.now();
  const precision = await pages[0]!.locator('[data-signal="operation"]').getAttribute('data-state');
  await Promise.all(pages.map((page) => page.close()));
  const tabReads = armReads - readsAtStart;
  const minutes = (ended - started) / 60_000;
  const result = {
    tabs,
    minutes: Math.round(minutes * 100) / 100,
    armReads: tabReads,
    readsPerMinute: Math.round((tabReads / minutes) * 10) / 10,
    readsPerMinutePerTab: Math.round((tabReads / minutes / tabs) * 10) / 10,
    outcomes: [...new Set(outcomes)],
    operationSignal: precision,
  };
  console.log(JSON.stringify(result));
  return result;
}

const app = await startApp();
const browser = await chromium.launch(
  existsSync('/usr/bin/chromium')
    ? {
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
      }
    : {},
);
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await signIn(await context.newPage(), app.url);
  console.log(
    `emulator ${emulator.baseUrl}, app ${app.url} (production build, poll 5 s), ${MS_PER_BATCH} ms per batch, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const single = await watch(context, app.url, 1);
  const many = await watch(context, app.url, 20);
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  console.log(`load average after: ${load.join(' ')}`);
  console.log(
    `targets: reads per minute per tab (20 tabs) ${many.readsPerMinutePerTab} <= 12, single tab ${single.readsPerMinute} <= 40: ${many.readsPerMinutePerTab <= 12 && single.readsPerMinute <= 40 ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'rollout',
      tabs: 20,
      reads_per_minute_per_tab: many.readsPerMinutePerTab,
      single_tab_reads_per_minute: single.readsPerMinute,
      load_average: load,
    }),
  );
} finally {
  await browser.close();
  app.child.kill('SIGTERM');
  await emulator.close();
}
