/**
 * npm run bench:inventory — time to list every cluster of a generated fleet with 150 ms added per ARM request,
 * through the code the inventory page uses (streamInventory + lib/pki decoding of each CA list), beside a
 * serial baseline: one subscription after another, as a shell loop over `az aks list` would. Two sizes:
 *   - 50 subscriptions × 40 clusters (2,000): the baseline is run in full;
 *   - 500 subscriptions × 20 clusters (10,000): the baseline is run on the first 50 subscriptions and
 *     extrapolated (subscription list + mean time per subscription × 500), because running it in full takes
 *     more than a minute per run; a serial loop has no overlap, so its time grows linearly with subscriptions.
 * The emulator enforces ARM's documented read budgets (250 reads + 25/s per subscription and principal, 15× global
 * per subscription, the same per tenant); any 429 it answers during the page code's runs is counted and must be 0.
 * Per size: time to the first row (first subscription's clusters) and to all rows (every cluster, CAs decoded).
 * Last line: one JSON object with both sizes (target: ratio ≤ 0.1, i.e. at least 10× faster, none throttled).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { startEmulator, type RunningEmulator } from '../emulator/server';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ALL_CASES = [
  { subscriptions: 50, clustersPerSubscription: 40, serialSample: 50 },
  { subscriptions: 500, clustersPerSubscription: 20, serialSample: Number(process.env.BENCH_SERIAL_SAMPLE ?? 50) },
];
// BENCH_SIZES=10000 runs one size only (cluster counts, comma-separated).
const SIZES = process.env.BENCH_SIZES?.split(',').map(Number);
const CASES = ALL_CASES.filter((c) => !SIZES || SIZES.includes(c.subscriptions * c.clustersPerSubscription));

const { armClientsFor } = await import('../lib/azure/clients');
const { staticTokenCredential } = await import('../lib/azure/credential');
const { streamInventory } = await import('../lib/azure/inventory-stream');
const { listClusters, listSubscriptions } = await import('../lib/azure/inventory');
const { parseArmConfig } = await import('../lib/config');
const { readCaBundle } = await import('../lib/pki');

function ownerToken(emulator: RunningEmulator): Promise<string> {
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

/** Decodes each distinct CA list once, as the page's trust cache does. */
async function decodeAll(entryLists: string[][]): Promise<void> {
  const seen = new Map<string, Promise<unknown>>();
  await Promise.all(
    entryLists.map((entries) => {
      const key = entries.join('\u0000');
      if (!seen.has(key))
        seen.set(key, entries.length ? readCaBundle(entries, { now: new Date() }) : Promise.resolve());
      return seen.get(key);
    }),
  );
}

interface Timing {
  firstRowMs: number;
  allRowsMs: number;
  clusters: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function runCase(size: (typeof CASES)[number]) {
  const total = size.subscriptions * size.clustersPerSubscription;
  let throttled = 0;
  const emulator = await startEmulator({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'bench-inventory-')),
    fleet: { subscriptions: size.subscriptions, clustersPerSubscription: size.clustersPerSubscription },
    latencyMs: LATENCY_MS,
    log: (line) => {
      if (/^GET \S+ 429 /.test(line)) throttled++;
    },
  });
  try {
    const config = parseArmConfig({ ARM_ENDPOINT: emulator.baseUrl, ARM_CA_FILE: emulator.caFile });
    const token = await ownerToken(emulator);
    // New clients per run: one user's fresh process (the read pacer starts without knowledge).
    const clients = () => armClientsFor(staticTokenCredential(token), config);
    const label = `${size.subscriptions} × ${size.clustersPerSubscription}`;

    const pageCode = async (): Promise<Timing> => {
      const start = performance.now();
      let firstRowMs = Number.NaN;
      let failures = 0;
      const entryLists: string[][] = [];
      for await (const event of streamInventory(clients(), emulator.baseUrl)) {
        if (event.type === 'clusters' && event.clusters.length && Number.isNaN(firstRowMs))
          firstRowMs = performance.now() - start;
        if (event.type === 'clusters') entryLists.push(...event.clusters.map((c) => c.caBundle));
        if (event.type === 'subscription-failed' || event.type === 'failed') failures++;
      }
      if (failures) throw new Error(`${failures} subscription(s) failed: the emulator throttled or broke the run`);
      await decodeAll(entryLists);
      return { firstRowMs, allRowsMs: performance.now() - start, clusters: entryLists.length };
    };

    /** One subscription after another; on a sample, extrapolated linearly to the whole fleet. */
    const serialBaseline = async (): Promise<Timing & { measuredSubscriptions: number }> => {
      const start = performance.now();
      const c = clients();
      const subscriptions = await listSubscriptions(c);
      const listedMs = performance.now() - start;
      const sample = subscriptions.slice(0, size.serialSample);
      let firstRowMs = Number.NaN;
      const entryLists: string[][] = [];
      for (const subscription of sample) {
        entryLists.push(...(await listClusters(c, subscription.subscriptionId)).map((x) => x.caBundle));
        if (Number.isNaN(firstRowMs)) firstRowMs = performance.now() - start;
      }
      await decodeAll(entryLists);
      const sampleMs = performance.now() - start - listedMs;
      const allRowsMs = listedMs + (sampleMs / sample.length) * subscriptions.length;
      const clusters = Math.round((entryLists.length / sample.length) * subscriptions.length);
      return { firstRowMs, allRowsMs, clusters, measuredSubscriptions: sample.length };
    };

    const page: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await pageCode();
      if (run.clusters !== total) throw new Error(`page code: listed ${run.clusters} clusters, expected ${total}`);
      page.push(run);
      console.log(
        `${label} page code run ${i + 1}: first row ${run.firstRowMs.toFixed(0)} ms, all ${run.clusters} in ${run.allRowsMs.toFixed(0)} ms`,
      );
    }
    const throttledDuringPage = throttled;
    const serial: Awaited<ReturnType<typeof serialBaseline>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await serialBaseline();
      if (run.clusters !== total) throw new Error(`serial: ${run.clusters} clusters, expected ${total}`);
      serial.push(run);
      console.log(
        `${label} serial baseline run ${i + 1}: first row ${run.firstRowMs.toFixed(0)} ms, all ${total} in ${run.allRowsMs.toFixed(0)} ms` +
          (run.measuredSubscriptions < size.subscriptions
            ? ` (extrapolated from ${run.measuredSubscriptions} of ${size.subscriptions} subscriptions)`
            : ''),
      );
    }
    const allRows = median(page.map((r) => r.allRowsMs));
    const baselineAll = median(serial.map((r) => r.allRowsMs));
    return {
      subscriptions: size.subscriptions,
      clusters: total,
      first_row_ms: Math.round(median(page.map((r) => r.firstRowMs))),
      all_rows_ms: Math.round(allRows),
      baseline: 'serial',
      baseline_method:
        size.serialSample < size.subscriptions
          ? `measured on ${size.serialSample} of ${size.subscriptions} subscriptions, extrapolated linearly`
          : 'measured in full',
      baseline_first_row_ms: Math.round(median(serial.map((r) => r.firstRowMs))),
      baseline_all_rows_ms: Math.round(baselineAll),
      ratio: Number((allRows / baselineAll).toFixed(3)),
      speedup: Number((baselineAll / allRows).toFixed(1)),
      throttled_responses: throttledDuringPage,
    };
  } finally {
    await emulator.close();
  }
}

const results = [];
for (const size of CASES) {
  const result = await runCase(size);
  console.log(JSON.stringify({ bench: 'inventory', latency_ms: LATENCY_MS, ...result }));
  results.push(result);
}
const ok = results.every((r) => r.ratio <= 0.1 && r.throttled_responses === 0);
console.log(
  JSON.stringify({
    bench: 'inventory',
    latency_ms: LATENCY_MS,
    runs: RUNS,
    target: 'ratio <= 0.1 (at least 10x faster than serial) with no subscription throttled',
    met: ok,
    cases: results,
  }),
);
