/**
 * A fleet plan of 200 clusters from an already loaded inventory (issue 12: under 2 s in the browser). Runs
 * lib/fleet/plan's planFleetChange, the same pure code the fleet page runs (lib/pki over WebCrypto, no network, no
 * lib/azure), in Debian's Chromium (bundled with esbuild, the inventory handed to the page) and in node. The inventory: 200 clusters in 2 tenants and 8
 * subscriptions, 1–6 CAs each from 14 distinct real CAs, 2–3 pools (some Windows, some stopped, some updating).
 * Measured (target: all 200): a rotation (replace the expiring CA by its successor where trusted) and a baseline
 * change, cold (first plan: every distinct PEM decoded) and warm (median of later plans, decoding shared).
 * `npm run bench:plan`; the last line is JSON, ratio = the slower cold plan in Chromium / the 2,000 ms budget.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { issueCertificate } from '../emulator/certs';
import { pemReader, planFleetChange, type FleetChange, type PlanClusterInput } from '../lib/fleet/plan';

const CLUSTERS = Number(process.env.BENCH_PLAN_CLUSTERS ?? 200);
const BUDGET_MS = 2000;
const RUNS = 7;
const DAY = 86_400_000;
const now = new Date();
const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function ca(subject: string, toDays = 3000): Promise<string> {
  const issued = await issueCertificate({
    subject,
    isCA: true,
    notBefore: new Date(now.getTime() - 30 * DAY),
    notAfter: new Date(now.getTime() + toDays * DAY),
  });
  return issued.certPem;
}

async function sha256Of(pem: string): Promise<string> {
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ''), 'base64');
  const digest = await crypto.subtle.digest('SHA-256', der);
  return Buffer.from(digest).toString('hex');
}

function pool(name: string, count: number, osType = 'Linux') {
  return {
    name,
    count,
    vmSize: 'Standard_D4ds_v5',
    osType,
    osSku: osType === 'Linux' ? 'Ubuntu' : 'Windows2022',
    mode: name === 'system' ? 'System' : 'User',
    type: 'VirtualMachineScaleSets',
    provisioningState: 'Succeeded',
    powerState: 'Running',
    maxSurge: '33%',
  };
}

async function inventory() {
  const expiring = await ca('CN=Bench Expiring Proxy CA, O=Contoso', 20);
  const successor = await ca('CN=Bench Proxy CA 2027, O=Contoso');
  const others = await Promise.all(Array.from({ length: 12 }, (_, i) => ca(`CN=Bench CA ${i + 1}, O=Contoso`)));
  const clusters: PlanClusterInput[] = [];
  for (let i = 0; i < CLUSTERS; i++) {
    const tenant = i % 2 === 0 ? 'Contoso' : 'Fabrikam';
    const subscription = `sub-${i % 8}`;
    const bundle = Array.from({ length: i % 6 }, (_, k) => others[(i + k * 5) % others.length]!);
    if (i % 3 !== 0) bundle.splice(i % (bundle.length + 1), 0, expiring);
    clusters.push({
      id: `/subscriptions/${subscription}/resourceGroups/rg-${i % 17}/providers/Microsoft.ContainerService/managedClusters/aks-${i}`,
      name: `aks-${i}`,
      resourceGroup: `rg-${i % 17}`,
      subscriptionId: subscription,
      subscriptionName: `${tenant.toLowerCase()}-${i % 8}`,
      tenantId: tenant,
      tenantName: tenant,
      caBundle: bundle,
      provisioningState: i % 29 === 0 ? 'Updating' : 'Succeeded',
      powerState: i % 31 === 0 ? 'Stopped' : 'Running',
      agentPools: [pool('system', 3), pool('apps', 3 + (i % 20)), ...(i % 11 === 0 ? [pool('win', 2, 'Windows')] : [])],
    });
  }
  return { clusters, expiring, successor, baseline: [others[0]!, others[1]!, successor] };
}

async function time(change: FleetChange, clusters: PlanClusterInput[], reader = pemReader(now)) {
  const start = performance.now();
  const plan = await planFleetChange({ clusters, change, target: {}, now, reader, access: () => 'write' });
  return { ms: performance.now() - start, plan };
}

type PlanModule = typeof import('../lib/fleet/plan');
type Times = { cold: number; coldBaseline: number; warm: number[]; warmBaseline: number[] };

/** The same measurement inside Chromium: lib/fleet/plan bundled for the browser, the inventory passed in as data. */
async function inChromium(input: { clusters: PlanClusterInput[]; rotation: FleetChange; baseline: FleetChange }) {
  const esbuild = await import('esbuild');
  const entry = fileURLToPath(new URL('../lib/fleet/plan/index.ts', import.meta.url));
  const bundle = await esbuild.build({
    stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const files: Record<string, string> = {
    '/plan.js': bundle.outputFiles[0]!.text,
    // tsx compiles this file with esbuild's keepNames, so the function handed to page.evaluate calls __name.
    '/index.html':
      '<!doctype html><script>window.__name = (f) => f;</script>' +
      '<script type="module">import * as plan from "/plan.js"; window.plan = plan;</script>',
  };
  const server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, {
      'content-type': request.url?.endsWith('.html') ? 'text/html' : 'text/javascript',
    });
    response.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch(
    existsSync('/usr/bin/chromium')
      ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }
      : {},
  );
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.waitForFunction(() => 'plan' in window);
    return await page.evaluate(
      async ({ clusters, rotation, baseline, runs, nowIso }): Promise<Times> => {
        const plan = (window as unknown as { plan: PlanModule }).plan;
        const now = new Date(nowIso);
        const once = async (change: FleetChange, reader = plan.pemReader(now)) => {
          const start = performance.now();
          await plan.planFleetChange({ clusters, change, target: {}, now, reader, access: () => 'write' });
          return performance.now() - start;
        };
        const cold = await once(rotation);
        const coldBaseline = await once(baseline);
        const reader = plan.pemReader(now);
        await once(rotation, reader);
        const warm: number[] = [];
        const warmBaseline: number[] = [];
        for (let run = 0; run < runs; run++) {
          warm.push(await once(rotation, reader));
          warmBaseline.push(await once(baseline, reader));
        }
        return { cold, coldBaseline, warm, warmBaseline };
      },
      { ...input, runs: RUNS, nowIso: now.toISOString() },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

async function main() {
  const { clusters, expiring, successor, baseline } = await inventory();
  const rotation: FleetChange = { kind: 'replace', from: await sha256Of(expiring), to: successor };
  const baselineChange: FleetChange = { kind: 'baseline', certificates: baseline };
  const cold = await time(rotation, clusters);
  const coldBaseline = await time(baselineChange, clusters);
  const reader = pemReader(now);
  await time(rotation, clusters, reader);
  const warm: number[] = [];
  const warmBaseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    warm.push((await time(rotation, clusters, reader)).ms);
    warmBaseline.push((await time(baselineChange, clusters, reader)).ms);
  }
  const { totals } = cold.plan;
  console.log(
    `${CLUSTERS} clusters; rotation plan: ${totals.clusters} targeted, ${totals.toApply} to apply, ${totals.machinesReplaced} nodes, blocked ${JSON.stringify(totals.blockedBy)}`,
  );
  console.log(`node: rotation cold ${round(cold.ms)} ms, warm median ${round(median(warm))} ms (${RUNS} runs)`);
  console.log(`node: baseline cold ${round(coldBaseline.ms)} ms, warm median ${round(median(warmBaseline))} ms`);
  const browser = await inChromium({ clusters, rotation, baseline: baselineChange });
  console.log(
    `Chromium: rotation cold ${round(browser.cold)} ms, warm median ${round(median(browser.warm))} ms; baseline cold ${round(browser.coldBaseline)} ms, warm median ${round(median(browser.warmBaseline))} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'plan',
      clusters: CLUSTERS,
      chromium: {
        cold_ms: round(browser.cold),
        warm_median_ms: round(median(browser.warm)),
        baseline_cold_ms: round(browser.coldBaseline),
        baseline_warm_median_ms: round(median(browser.warmBaseline)),
      },
      node: {
        cold_ms: round(cold.ms),
        warm_median_ms: round(median(warm)),
        baseline_cold_ms: round(coldBaseline.ms),
        baseline_warm_median_ms: round(median(warmBaseline)),
      },
      budget_ms: BUDGET_MS,
      ratio: Math.round((Math.max(browser.cold, browser.coldBaseline) / BUDGET_MS) * 1000) / 1000,
    }),
  );
}

await main();
