/**
 * npm run bench:inventory — time to list every cluster of a 50 × 40 fleet with 150 ms added per ARM request,
 * through the code the inventory page uses (streamInventory + lib/pki decoding of each CA list), beside a
 * serial baseline: one subscription after another, as a shell loop over `az aks list` would.
 * Last line: one JSON object with the medians and their ratio (target: ratio ≤ 0.1).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { startEmulator } from '../emulator/server';
import { appEnvironmentFor } from '../emulator/app-environment';

const SUBSCRIPTIONS = 50;
const CLUSTERS_PER_SUBSCRIPTION = 40;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const emulator = await startEmulator({
  port: 0,
  dataDir: mkdtempSync(join(tmpdir(), 'bench-inventory-')),
  fleet: { subscriptions: SUBSCRIPTIONS, clustersPerSubscription: CLUSTERS_PER_SUBSCRIPTION },
  latencyMs: LATENCY_MS,
  quiet: true,
});
Object.assign(process.env, appEnvironmentFor(emulator.baseUrl, emulator.caFile, 'msal'));

// Imported after the environment points at the emulator: lib/config reads it once.
const { armClients } = await import('../lib/azure/clients');
const { streamInventory } = await import('../lib/azure/inventory-stream');
const { listClusters, listSubscriptions } = await import('../lib/azure/inventory');
const { readAksEntries } = await import('../lib/pki');

function ownerToken(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.baseUrl}/_emulator/token`,
      { method: 'POST', ca: emulator.caPem, headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(body).access_token)
            : reject(new Error(`token: HTTP ${res.statusCode} ${body}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ persona: 'owner' }));
  });
}

const token = await ownerToken();
const clients = armClients(token);

/** Decodes each distinct CA list once, as the page's trust cache does. */
async function decodeAll(entryLists: string[][]): Promise<void> {
  const seen = new Map<string, Promise<unknown>>();
  await Promise.all(
    entryLists.map((entries) => {
      const key = entries.join('\u0000');
      if (!seen.has(key))
        seen.set(key, entries.length ? readAksEntries(entries, { now: new Date() }) : Promise.resolve());
      return seen.get(key);
    }),
  );
}

async function pageCode(): Promise<number> {
  const entryLists: string[][] = [];
  let failures = 0;
  for await (const event of streamInventory(clients, emulator.baseUrl)) {
    if (event.type === 'clusters') entryLists.push(...event.clusters.map((c) => c.caEntries));
    if (event.type === 'subscription-failed' || event.type === 'failed') failures++;
  }
  if (failures) throw new Error(`${failures} subscription(s) failed: the emulator throttled or broke the run`);
  await decodeAll(entryLists);
  return entryLists.length;
}

async function serialBaseline(): Promise<number> {
  const entryLists: string[][] = [];
  for (const subscription of await listSubscriptions(clients)) {
    entryLists.push(...(await listClusters(clients, subscription.subscriptionId)).map((c) => c.caEntries));
  }
  await decodeAll(entryLists);
  return entryLists.length;
}

async function timeRuns(name: string, run: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const clusters = await run();
    const elapsed = performance.now() - start;
    if (clusters !== SUBSCRIPTIONS * CLUSTERS_PER_SUBSCRIPTION)
      throw new Error(`${name}: listed ${clusters} clusters, expected ${SUBSCRIPTIONS * CLUSTERS_PER_SUBSCRIPTION}`);
    times.push(elapsed);
    console.log(`${name} run ${i + 1}: ${clusters} clusters in ${elapsed.toFixed(0)} ms`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

try {
  const median = await timeRuns('page code', pageCode);
  const baseline = await timeRuns('serial baseline', serialBaseline);
  console.log(
    JSON.stringify({
      bench: 'inventory',
      subscriptions: SUBSCRIPTIONS,
      clusters: SUBSCRIPTIONS * CLUSTERS_PER_SUBSCRIPTION,
      latency_ms: LATENCY_MS,
      median_ms: Math.round(median),
      baseline: 'serial',
      baseline_median_ms: Math.round(baseline),
      ratio: Number((median / baseline).toFixed(3)),
    }),
  );
} finally {
  await emulator.close();
}
