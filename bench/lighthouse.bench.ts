/**
 * npm run bench:lighthouse   (needs a production build: npx next build)
 *
 * Lighthouse (npm, pinned) on the production build in demo mode, signed in as the owner persona, against the
 * emulator with a generated fleet of 2,000 clusters (`--fleet 50x40 --latency 150`): the inventory and one cluster
 * page, with Lighthouse's desktop preset (the figures the targets are about) and its default mobile preset
 * (printed beside them). Chromium is Debian's, started by Playwright as a persistent profile with a remote
 * debugging port that Lighthouse drives; the demo session is set the way the demo sign-in sets it (the persona
 * picker on /sign-in stores it in localStorage), and Lighthouse is told not to clear storage.
 *
 * Ports (range of the "size" stream): BENCH_EMULATOR_PORT (3176), BENCH_APP_PORT (3177), BENCH_DEBUG_PORT (3178).
 * `--runs N` repeats each measurement (median reported); BENCH_LIGHTHOUSE_REPORTS=dir keeps each report. The last
 * line is one JSON object, with the 1-minute load average at the start and the end beside the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import lighthouse, { desktopConfig } from 'lighthouse';
import { startEmulator } from '../emulator/server';
import { findPersona } from '../emulator/directory';
import { CHROMIUM, CHROMIUM_FLAGS, portFromEnv, requireBuild, startApp } from './support/browser-app';

const FLEET = { subscriptions: 50, clustersPerSubscription: 40 };
const LATENCY_MS = 150;
/** A generated fleet cluster that trusts a CA (emulator/arm/seed/fleet.ts: subscription 1, cluster 2). */
const FLEET_CLUSTER = '/clusters/00000000-f1ee-4000-8000-000000000001/rg-search-01/aks-search-002';
const TARGETS = { performance: 90, accessibility: 100, cls: 0.1 };
/** BENCH_LIGHTHOUSE_REPORTS=dir: every Lighthouse report (JSON) is kept there, to see what it names. */
const reportDir = process.env.BENCH_LIGHTHOUSE_REPORTS;
let reportCount = 0;

interface Figures {
  performance: number;
  accessibility: number;
  cls: number;
  lcp_ms: number;
  tbt_ms: number;
  fcp_ms: number;
  dom_size: number;
}

type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function figuresOf(lhr: Report): Figures {
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
    lcp_ms: Math.round(audit('largest-contentful-paint')),
    tbt_ms: Math.round(audit('total-blocking-time')),
    fcp_ms: Math.round(audit('first-contentful-paint')),
    dom_size: Math.round(audit('dom-size')),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

function medianFigures(runs: Figures[]): Figures {
  const keys = Object.keys(runs[0]!) as (keyof Figures)[];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as unknown as Figures;
}

async function main() {
  requireBuild('bench:lighthouse');
  const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 1;
  const debugPort = portFromEnv('BENCH_DEBUG_PORT', 3178);
  const emulator = await startEmulator({
    port: portFromEnv('BENCH_EMULATOR_PORT', 3176),
    dataDir: mkdtempSync(join(tmpdir(), 'bench-lighthouse-')),
    fleet: FLEET,
    latencyMs: LATENCY_MS,
    quiet: true,
  });
  const app = await startApp(emulator, 'demo', portFromEnv('BENCH_APP_PORT', 3177));
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-profile-'));
  let context: BrowserContext | undefined;
  /** Debian's Chromium with a debugging port for Lighthouse, signed in as the demo sign-in does it. */
  const openBrowser = async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${debugPort}`],
      headless: true,
    });
    // The persona picker stores the session in localStorage.
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('button', { name: new RegExp(`Continue as ${findPersona('owner')!.name}`) }).click();
    await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 });
    await page.goto('about:blank');
  };
  const closeBrowser = async () => {
    await context?.close().catch(() => undefined);
    context = undefined;
  };
  const audit = async (path: string, preset: 'desktop' | 'mobile') => {
    const result = await lighthouse(
      `${app.url}${path}`,
      {
        port: debugPort,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        disableStorageReset: true,
      },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
    if (reportDir)
      writeFileSync(
        join(reportDir, `${path === '/' ? 'inventory' : 'cluster'}-${preset}-${++reportCount}.json`),
        JSON.stringify(result.lhr),
      );
    return figuresOf(result.lhr);
  };
  /** One audit; if the browser went away under it (it happens on a loaded machine), a fresh browser and one retry. */
  const auditOnce = async (path: string, preset: 'desktop' | 'mobile') => {
    try {
      return await audit(path, preset);
    } catch (error) {
      console.error(`lighthouse: ${path} ${preset} failed (${(error as Error).message}); retrying in a new browser`);
      await closeBrowser();
      await openBrowser();
      return audit(path, preset);
    }
  };
  type Outcome = Figures | { error: string; failed_runs: number };
  const results: Record<string, { desktop: Outcome; mobile: Outcome }> = {};
  try {
    await openBrowser();
    const pages = { inventory: '/', cluster: FLEET_CLUSTER };
    for (const [name, path] of Object.entries(pages)) {
      const byPreset: Partial<Record<'desktop' | 'mobile', Outcome>> = {};
      for (const preset of ['desktop', 'mobile'] as const) {
        const measured: Figures[] = [];
        let failure = '';
        for (let run = 0; run < runs; run++) {
          // A page that blocks its main thread past Lighthouse's protocol timeout fails that run; it is reported.
          try {
            measured.push(await auditOnce(path, preset));
          } catch (error) {
            failure = (error as Error).message;
            await closeBrowser();
            await openBrowser();
          }
        }
        if (measured.length === 0) {
          byPreset[preset] = { error: failure, failed_runs: runs };
          console.log(`${name.padEnd(10)} ${preset.padEnd(8)} failed: ${failure}`);
          continue;
        }
        const f = medianFigures(measured);
        byPreset[preset] = runs > measured.length ? { ...f, failed_runs: runs - measured.length } : f;
        console.log(
          `${name.padEnd(10)} ${preset.padEnd(8)} performance ${String(f.performance).padStart(3)}  accessibility ${String(f.accessibility).padStart(3)}  CLS ${f.cls}  LCP ${f.lcp_ms} ms  TBT ${f.tbt_ms} ms  DOM ${f.dom_size}`,
        );
      }
      results[name] = { desktop: byPreset.desktop!, mobile: byPreset.mobile! };
    }
  } finally {
    await closeBrowser();
    rmSync(profile, { recursive: true, force: true });
    await app.stop();
    await emulator.close();
  }
  const met = Object.values(results).every(
    ({ desktop }) =>
      'performance' in desktop &&
      desktop.performance >= TARGETS.performance &&
      desktop.accessibility >= TARGETS.accessibility &&
      desktop.cls < TARGETS.cls,
  );
  console.log(
    JSON.stringify({
      bench: 'lighthouse',
      loadavg_1m: { start: loadAtStart, end: Math.round(loadavg()[0]! * 100) / 100 },
      mode: 'demo',
      fleet: `${FLEET.subscriptions}x${FLEET.clustersPerSubscription}`,
      latency_ms: LATENCY_MS,
      runs,
      pages: results,
      targets: { desktop: TARGETS },
      met,
    }),
  );
}

await main();
