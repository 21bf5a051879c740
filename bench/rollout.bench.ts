/**
 * npm run bench:rollout
 *
 * One simulated CA rollout (aks-payments-prod-weu: 3 pools, 42 nodes) on an in-process emulator, watched first
 * by 1 and then by 20 tabs of one signed-in user. Each tab calls the same function the rollout server action
 * calls (lib/azure/rollout.ts: validation, URL check, coalescing, SDK reads) on the page's schedule
 * (components/rollout/poll-schedule.ts) at the product's interval (5 s). ARM reads are counted from the
 * emulator's request log (every GET under /subscriptions or /tenants, SDK retries included), minus the reads
 * of the bench's own observer, which polls the operation status every 500 ms to know the truth.
 * Lag: how long a tab kept showing an operation status after the emulator had moved past it.
 * The last line is one JSON object.
 */
import { request } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/server';
import { appEnvironmentFor } from '../emulator/app-environment';
import { operationOutcome } from '../lib/rollout/provisioning-state';
import { backoffDelay } from '../lib/rollout/poll-reducer';

const MS_PER_BATCH = Number(process.env.BENCH_MS_PER_BATCH ?? 2500);
const OBSERVER_MS = 500;
const API = 'api-version=2026-06-01';
const PAYMENTS = { subscriptionId: '00000000-aaaa-4000-8000-000000000001', resourceGroup: 'rg-payments-prod', name: 'aks-payments-prod-weu' };
const WEB = { subscriptionId: '00000000-aaaa-4000-8000-000000000001', resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' };
const clusterPath = (c: typeof PAYMENTS) => `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let armReads = 0;
const emulator = await startEmulator({
  port: 0,
  dataDir: mkdtempSync(join(tmpdir(), 'bench-rollout-')),
  msPerBatch: MS_PER_BATCH,
  log: (line) => {
    if (/^GET \/(subscriptions|tenants)\b/i.test(line)) armReads++;
  },
});
Object.assign(process.env, appEnvironmentFor(emulator.baseUrl, emulator.caFile));
delete process.env.ROLLOUT_POLL_MS;
const { rolloutSnapshot } = await import('../lib/azure/rollout');

function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.baseUrl}${path}`, { method, ca: emulator.caPem, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const token: string = (await call('POST', '/_emulator/token', { persona: 'owner' })).json.access_token;

interface TabView {
  at: number;
  status: string;
}

async function startRollout() {
  await call('POST', '/_emulator/reset');
  await call('PUT', '/_emulator/speed', { msPerBatch: MS_PER_BATCH });
  const cluster = (await call('GET', `${clusterPath(PAYMENTS)}?${API}`, undefined, token)).json;
  const web = (await call('GET', `${clusterPath(WEB)}?${API}`, undefined, token)).json;
  const machinesBefore: Record<string, string[]> = {};
  for (const pool of cluster.properties.agentPoolProfiles as { name: string }[]) {
    const names: string[] = [];
    for (let next: string | null = `${clusterPath(PAYMENTS)}/agentPools/${pool.name}/machines?${API}`; next; ) {
      const page: { value: { name: string }[]; nextLink?: string | null } = (await call('GET', next, undefined, token)).json;
      names.push(...page.value.map((m: { name: string }) => m.name));
      next = page.nextLink ? new URL(page.nextLink).pathname + new URL(page.nextLink).search : null;
    }
    machinesBefore[pool.name] = names;
  }
  cluster.properties.securityProfile.customCATrustCertificates.push(web.properties.securityProfile.customCATrustCertificates[1]);
  const put = await call('PUT', `${clusterPath(PAYMENTS)}?${API}`, cluster, token);
  if (put.status !== 200) throw new Error(`PUT answered ${put.status}`);
  const operationUrl = String(put.headers['azure-asyncoperation']);
  return { operationUrl, machinesBefore };
}

async function watch(tabs: number) {
  const { operationUrl } = await startRollout();
  const path = new URL(operationUrl).pathname + new URL(operationUrl).search;
  const truth: TabView[] = [];
  let observerReads = 0;
  let done = false;
  const observer = (async () => {
    while (!done) {
      observerReads++;
      const status: string = (await call('GET', path, undefined, token)).json.status;
      if (truth.at(-1)?.status !== status) truth.push({ at: Date.now(), status });
      if (operationOutcome(status)) return;
      await sleep(OBSERVER_MS);
    }
  })();

  const readsAtStart = armReads;
  const started = Date.now();
  let failures = 0;
  const views: TabView[][] = [];
  await Promise.all(
    Array.from({ length: tabs }, async (_, tab) => {
      const seen: TabView[] = [];
      views.push(seen);
      await sleep(Math.random() * 5000); // tabs are not opened in the same millisecond
      let lastPoll: number | null = null;
      let consecutive = 0;
      for (;;) {
        const result = await rolloutSnapshot(token, { cluster: PAYMENTS, operationUrl });
        if (result.ok) {
          consecutive = 0;
          lastPoll = result.data.next?.afterMs ?? lastPoll;
          const status = result.data.operation!.status;
          seen.push({ at: Date.now(), status });
          if (operationOutcome(status)) return;
          await sleep(result.data.next?.afterMs ?? 5000);
        } else {
          failures++;
          consecutive++;
          if (!result.error.transient) throw new Error(`tab ${tab}: ${result.error.code} ${result.error.message}`);
          await sleep(result.error.retry ? backoffDelay(lastPoll, consecutive, result.error.retry) : 5000);
        }
      }
    }),
  );
  const ended = Date.now();
  done = true;
  await observer;
  const tabReads = armReads - readsAtStart - observerReads;
  const minutes = (ended - started) / 60_000;

  // A tab showing status S from t_i to t_{i+1} was behind by t_{i+1} - (when the emulator left S), if it had.
  let maxLagMs = 0;
  for (const seen of views) {
    for (let i = 0; i + 1 < seen.length; i++) {
      const shown = truth.findIndex((t) => t.status === seen[i]!.status);
      const left = truth[shown + 1];
      if (shown >= 0 && left && left.at < seen[i + 1]!.at) maxLagMs = Math.max(maxLagMs, seen[i + 1]!.at - left.at);
    }
  }
  const result = { tabs, minutes: Math.round(minutes * 100) / 100, armReads: tabReads, readsPerMinute: Math.round((tabReads / minutes) * 10) / 10, readsPerMinutePerTab: Math.round((tabReads / minutes / tabs) * 10) / 10, maxLagSeconds: Math.round(maxLagMs / 100) / 10, failures, statusesSeen: truth.length, finalStatus: truth.at(-1)?.status };
  console.log(JSON.stringify(result));
  return result;
}

try {
  console.log(`emulator ${emulator.baseUrl}, ${MS_PER_BATCH} ms per batch, product poll interval 5 s`);
  const single = await watch(1);
  const many = await watch(20);
  const lagOk = single.maxLagSeconds <= 10 && many.maxLagSeconds <= 10;
  console.log(`targets: reads per minute per tab (20 tabs) ${many.readsPerMinutePerTab} <= 12, single tab ${single.readsPerMinute} <= 40, lag ${Math.max(single.maxLagSeconds, many.maxLagSeconds)} s <= 10: ${many.readsPerMinutePerTab <= 12 && single.readsPerMinute <= 40 && lagOk ? 'met' : 'NOT met'}`);
  console.log(JSON.stringify({ bench: 'rollout', tabs: 20, reads_per_minute_per_tab: many.readsPerMinutePerTab, single_tab_reads_per_minute: single.readsPerMinute }));
} finally {
  await emulator.close();
}
