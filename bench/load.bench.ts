/**
 * npm run bench:load   (needs a production build: npx next build)
 *
 * 50 simulated users for 60 s against the production server (Next's standalone output, as `npm start` and the image
 * run it) and the emulator in its own process (BENCH_LATENCY_MS added to every ARM request, default 100).
 *
 * What a user is: an HTTP client doing what the browser does, in order, with its own ARM token (from the emulator's
 * token endpoint, as `npm run emulator:token` gets one; each user a different token, so no user shares another's
 * coalesced rollout reads). One round: the inventory (POST /api/inventory, the NDJSON stream read to its end), the
 * cluster page's HTML, its two server actions one after the other (getCluster, getClusterPermissions: Next runs a
 * page's actions one at a time), then five rollout polls of a cluster whose CA rollout is running
 * (readRolloutSnapshot, 1 s ± 20 % apart: the product polls every 5 s). Then again, until 60 s are over. Users are
 * independent, as people are: they arrive one every 100 ms over 5 s (BENCH_RAMP_MS) and their pauses vary
 * (BENCH_POLL_JITTER). BENCH_RAMP_MS=0 BENCH_POLL_JITTER=0 gives the lockstep herd instead: 50 inventories in the
 * same millisecond, every round after in step, so the server is saturated for a second and idle the next and the
 * figure is its queue, not its speed (a second replica is the answer to that; see the README). No browser: this
 * measures the server, not rendering; the actions are called over HTTP exactly as Next's client calls them
 * (POST to the page with the `Next-Action` id from .next/server/server-reference-manifest.json, the arguments as
 * the JSON React encodes them, `Accept: text/x-component`).
 *
 * Every request carries an `x-request-id`; the server's JSON log line for it (LOG_FILE) says how long ARM was busy
 * for it (`armMs`, parallel calls counted once). "Above the emulator's latency" = what the user waited, measured
 * here, minus that `armMs`. Errors: any 5xx, a transport failure, an action result `ok:false`, an inventory
 * `failed`/`subscription-failed` event. Peak RSS: the Next server process, sampled every 200 ms from /proc.
 * A 5 s warm-up with 5 users runs first and is not counted. The last line is one JSON object. BENCH_SERVER_PROFILE=dir
 * keeps the server's CPU profile; the bench's own CPU (the simulated users) is reported beside the server's.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appEnvironmentFor } from '../emulator/app-environment';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 60_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const POLLS = 5;
const POLL_GAP_MS = 1_000;
/** Users arrive one after another over this long (BENCH_RAMP_MS=0: all in the same millisecond). */
const RAMP_MS = Number(process.env.BENCH_RAMP_MS ?? 5_000);
/** Each pause between polls is POLL_GAP_MS ± this fraction (BENCH_POLL_JITTER=0: every user in lockstep). */
const POLL_JITTER = Number(process.env.BENCH_POLL_JITTER ?? 0.2);
const TARGETS = { errors: 0, p95OverEmulatorMs: 250, peakRssMb: 400 };

const PROD = '00000000-aaaa-4000-8000-000000000001';
const STAGING = '00000000-aaaa-4000-8000-000000000002';
const PAGE_CLUSTERS = [
  { subscriptionId: PROD, resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' },
  { subscriptionId: PROD, resourceGroup: 'rg-payments-prod', name: 'aks-payments-prod-weu' },
];
/** The seed's cluster with a CA rollout under way (emulator/arm/seed). */
const ROLLING = { subscriptionId: STAGING, resourceGroup: 'rg-staging', name: 'aks-canary-eus2' };
const pagePath = (c: typeof ROLLING) => `/clusters/${c.subscriptionId}/${c.resourceGroup}/${c.name}`;

if (!existsSync('.next/standalone/server.js')) {
  console.error('bench:load needs a production build: run "npx next build" first.');
  process.exit(1);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** Server action ids by name, from the build's manifest (the names are the exported function names). */
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] = id;
  for (const name of ['getCluster', 'getClusterPermissions', 'readRolloutSnapshot'])
    if (!ids[name]) throw new Error(`no server action "${name}" in .next/server/server-reference-manifest.json`);
  return ids;
}

// --- the emulator, in its own process ------------------------------------------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
const emulatorPort = await freePort();
const emulatorUrl = `https://localhost:${emulatorPort}`;
const children: { kill: (signal: NodeJS.Signals) => void }[] = [];
const emulator = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'emulator/main.ts',
    '--port',
    String(emulatorPort),
    '--data-dir',
    dataDir,
    '--latency',
    String(LATENCY_MS),
    '--quiet',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
children.push(emulator);
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

const caFile = join(dataDir, 'ca.pem');
await waitFor(
  async () => existsSync(caFile) && (await emulatorJson('GET', '/_emulator/health')).status === 200,
  'the emulator',
);

function emulatorJson(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((done, fail) => {
    const req = httpsRequest(
      `${emulatorUrl}${path}`,
      { method, ca: readFileSync(caFile), headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', fail);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

// --- the Next server (standalone), logging to a file ------------------------------------------------------------
cpSync('.next/static', '.next/standalone/.next/static', { recursive: true });
if (existsSync('public')) cpSync('public', '.next/standalone/public', { recursive: true });
const appPort = await freePort();
const appUrl = `http://127.0.0.1:${appPort}`;
const logFile = join(dataDir, 'app.log');
// BENCH_SERVER_PROFILE=dir: the Next server writes a V8 CPU profile there when it stops (where its CPU goes).
const profileDir = process.env.BENCH_SERVER_PROFILE;
const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
const server = spawn(process.execPath, [...profileArgs, resolve('.next/standalone/server.js')], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    ...appEnvironmentFor(emulatorUrl, caFile, 'msal'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(appPort),
    HOSTNAME: '127.0.0.1',
    LOG_FILE: logFile,
  },
});
children.push(server);
await waitFor(async () => (await fetch(`${appUrl}/api/health`)).ok, 'the Next server');

let peakRss = 0;
const readRss = () => {
  try {
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0);
    peakRss = Math.max(peakRss, kb * 1024);
  } catch {
    // not Linux, or the server is gone: no RSS figure
  }
};

// --- users -----------------------------------------------------------------------------------------------------
const ids = actionIds();

/**
 * A token of its own for each user. The emulator signs deterministically per second, so 50 tokens asked for at once
 * would be one token (and one coalesced caller): each user's token names another client id (`appid`), as 50 browser
 * sessions would each hold their own token.
 */
async function issueToken(): Promise<string> {
  const answer = await emulatorJson('POST', '/_emulator/token', { persona: 'owner', clientId: randomUUID() });
  const token = (answer.json as { access_token?: string })?.access_token;
  if (answer.status !== 200 || !token) throw new Error(`no token from the emulator (HTTP ${answer.status})`);
  return token;
}

interface Sample {
  kind: 'inventory' | 'page' | 'action';
  name: string;
  requestId: string;
  ms: number;
  error?: string;
  counted: boolean;
}
const samples: Sample[] = [];
let sequence = 0;
let counting = false;

async function timed(
  kind: Sample['kind'],
  name: string,
  send: (requestId: string) => Promise<string | undefined>,
): Promise<void> {
  const requestId = `bench-${++sequence}`;
  const started = performance.now();
  let error: string | undefined;
  try {
    error = await send(requestId);
  } catch (cause) {
    error = `transport: ${(cause as Error).message}`;
  }
  samples.push({ kind, name, requestId, ms: performance.now() - started, error, counted: counting });
}

async function callAction(
  name: string,
  path: string,
  args: unknown[],
): Promise<(id: string) => Promise<string | undefined>> {
  return async (requestId) => {
    const response = await fetch(`${appUrl}${path}`, {
      method: 'POST',
      headers: {
        'next-action': ids[name]!,
        accept: 'text/x-component',
        'content-type': 'text/plain;charset=UTF-8',
        origin: appUrl,
        'x-request-id': requestId,
      },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    if (response.status >= 500) return `HTTP ${response.status}`;
    if (!response.headers.get('content-type')?.startsWith('text/x-component'))
      return `not RSC (HTTP ${response.status})`;
    if (/"ok":false/.test(text)) return `failed result: ${/"code":"([^"]+)"/.exec(text)?.[1] ?? '?'}`;
    if (!/"ok":true/.test(text)) return 'no result';
    return undefined;
  };
}

async function user(index: number, until: number, startAfterMs = 0): Promise<void> {
  await sleep(startAfterMs);
  const token = await issueToken();
  const cluster = PAGE_CLUSTERS[index % PAGE_CLUSTERS.length]!;
  const ref = { ...cluster };
  while (Date.now() < until) {
    await timed('inventory', 'inventory', async (requestId) => {
      const response = await fetch(`${appUrl}/api/inventory`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId },
      });
      const text = await response.text();
      if (response.status >= 500 || response.status !== 200) return `HTTP ${response.status}`;
      if (/"type":"(subscription-failed|failed)"/.test(text)) return 'failed event';
      return undefined;
    });
    await timed('page', 'cluster page', async (requestId) => {
      const response = await fetch(`${appUrl}${pagePath(cluster)}`, { headers: { 'x-request-id': requestId } });
      await response.text();
      return response.status === 200 ? undefined : `HTTP ${response.status}`;
    });
    await timed('action', 'getCluster', await callAction('getCluster', pagePath(cluster), [token, ref]));
    await timed(
      'action',
      'getClusterPermissions',
      await callAction('getClusterPermissions', pagePath(cluster), [token, ref]),
    );
    for (let poll = 0; poll < POLLS && Date.now() < until; poll++) {
      await timed(
        'action',
        'readRolloutSnapshot',
        await callAction('readRolloutSnapshot', `${pagePath(ROLLING)}/rollout`, [
          token,
          { cluster: ROLLING, operationUrl: null, refreshCluster: poll === 0 },
        ]),
      );
      await sleep(POLL_GAP_MS * (1 - POLL_JITTER + 2 * POLL_JITTER * Math.random()));
    }
  }
}

/** CPU seconds a process has used (utime + stime from /proc, 100 ticks a second), or NaN off Linux. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const rssTimer = setInterval(readRss, 200);
// Warm-up: not counted.
await Promise.all(Array.from({ length: 5 }, (_, i) => user(i, Date.now() + 5_000)));
// Arrivals, not counted either: one user every RAMP_MS / USERS. Counting starts when all 50 are running.
const until = Date.now() + RAMP_MS + DURATION_MS;
const users = Array.from({ length: USERS }, (_, i) => user(i, until, (i * RAMP_MS) / USERS));
await sleep(RAMP_MS);
counting = true;
const cpuAtStart = { server: cpuSeconds(server.pid), emulator: cpuSeconds(emulator.pid), bench: process.cpuUsage() };
const started = Date.now();
const load1 = loadavg()[0]!;
await Promise.all(users);
const elapsedS = (Date.now() - started) / 1000;
const cpu = {
  server: cpuSeconds(server.pid) - cpuAtStart.server,
  emulator: cpuSeconds(emulator.pid) - cpuAtStart.emulator,
  // This process: the 50 simulated users (HTTP clients, NDJSON and RSC bodies read to their end).
  bench: (() => {
    const used = process.cpuUsage(cpuAtStart.bench);
    return (used.user + used.system) / 1e6;
  })(),
};
clearInterval(rssTimer);
readRss();

// --- join with the server's log lines ----------------------------------------------------------------------------
await sleep(300);
const armMsByRequest = new Map<string, number>();
for (const line of readFileSync(logFile, 'utf8').split('\n')) {
  if (!line.startsWith('{')) continue;
  const entry = JSON.parse(line) as { requestId?: string; armMs?: number };
  if (entry.requestId) armMsByRequest.set(entry.requestId, entry.armMs ?? 0);
}
stopAll();

const counted = samples.filter((s) => s.counted);
const errors = counted.filter((s) => s.error);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};
const actions = counted.filter((s) => s.kind === 'action' && !s.error);
const unmatched = actions.filter((s) => !armMsByRequest.has(s.requestId)).length;
const over = actions.filter((s) => armMsByRequest.has(s.requestId)).map((s) => s.ms - armMsByRequest.get(s.requestId)!);
const byName = (name: string) => counted.filter((s) => s.name === name && !s.error).map((s) => s.ms);
const breakdown = Object.fromEntries(
  ['inventory', 'cluster page', 'getCluster', 'getClusterPermissions', 'readRolloutSnapshot'].map((name) => [
    name,
    { n: byName(name).length, p50_ms: percentile(byName(name), 50), p95_ms: percentile(byName(name), 95) },
  ]),
);
const emulatorMs = actions.filter((s) => armMsByRequest.has(s.requestId)).map((s) => armMsByRequest.get(s.requestId)!);

const result = {
  bench: 'load',
  users: USERS,
  duration_s: Math.round(elapsedS * 10) / 10,
  emulator_latency_ms: LATENCY_MS,
  arrivals_over_ms: RAMP_MS,
  poll_jitter: POLL_JITTER,
  requests: counted.length,
  errors: errors.length,
  error_kinds: [...new Set(errors.map((e) => `${e.name}: ${e.error}`))].slice(0, 10),
  actions: actions.length,
  actions_unmatched_in_log: unmatched,
  action_p50_over_emulator_ms: percentile(over, 50),
  action_p95_over_emulator_ms: percentile(over, 95),
  action_arm_busy_p50_ms: percentile(emulatorMs, 50),
  action_arm_busy_p95_ms: percentile(emulatorMs, 95),
  peak_rss_mb: Math.round((peakRss / 1024 / 1024) * 10) / 10,
  // CPU the Next server and the emulator used while counting, and per request: on a machine whose other work leaves
  // the server less than a core, latency is queueing for CPU.
  server_cpu_s: Math.round(cpu.server * 10) / 10,
  server_cpu_ms_per_request: Math.round((cpu.server * 1000) / Math.max(1, counted.length)),
  emulator_cpu_s: Math.round(cpu.emulator * 10) / 10,
  // The three share the machine's cores: the users' own CPU, to see that the client does not starve the server.
  bench_client_cpu_s: Math.round(cpu.bench * 10) / 10,
  breakdown,
  loadavg_1m_at_start: Math.round(load1 * 100) / 100,
  targets: TARGETS,
  meets_targets:
    errors.length === TARGETS.errors &&
    (percentile(over, 95) ?? Infinity) < TARGETS.p95OverEmulatorMs &&
    peakRss / 1024 / 1024 < TARGETS.peakRssMb,
};
console.log(JSON.stringify(result));
process.exit(0);
