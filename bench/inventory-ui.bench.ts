/**
 * npm run bench:inventory-ui — the inventory page in Chromium against a 2,000-cluster fleet (emulator
 * `--fleet 50x40 --latency 150`), demo sign-in as the owner, production build (run `npx next build` first).
 * Records, per run: time to the first row and to the last subscription, cumulative layout shift
 * (PerformanceObserver `layout-shift`, without recent input), DOM element count, bytes of the NDJSON on the wire
 * (and decoded), route prefetch requests during the scrolls, scroll frames per second and the latency of a sort
 * click (click → the frame after the first row changed). Last line: one JSON object with the medians.
 *
 * Scrolling is real input: Chromium's own smooth-scroll gesture (CDP Input.synthesizeScrollGesture, mouse wheel
 * ticks the compositor scrolls), 2,400 px at 800 px/s, three gestures per run (down, further down, back up),
 * frames counted with requestAnimationFrame while each gesture runs; the run's figure is the median gesture,
 * beside it the share of frames slower than 25 ms. Sort: three clicks (name ascending → descending → ascending),
 * median. Layout shifts are listed with the elements that moved (`clsSources`, the largest first), so a shift can
 * be traced to its element. On a shared machine, every figure carries the load average it was measured at.
 *
 * Ports: BENCH_EMULATOR_PORT (8483) and BENCH_APP_PORT (3143). BENCH_RUNS (3), BENCH_LABEL (free text),
 * BENCH_PROFILE (a file: the page's CPU profile while the first run scrolls), BENCH_TRACE (a file: a Chromium
 * trace of the same, for DevTools' Performance panel).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { appEnvironmentFor } from '../emulator/app-environment';

const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 8483);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3143);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FLEET = process.env.BENCH_FLEET ?? '50x40';
const LATENCY = process.env.BENCH_LATENCY_MS ?? '150';
const EMULATOR_URL = `https://localhost:${EMULATOR_PORT}`;
const APP_URL = `http://localhost:${APP_PORT}`;

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

async function waitFor(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function expectAttribute(locator: import('@playwright/test').Locator, name: string, value: string) {
  await locator.and(locator.page().locator(`[${name}="${value}"]`)).waitFor({ timeout: 30_000 });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Installed before any page script: layout shifts (with the elements that moved) and the first cluster row. */
const OBSERVERS = `
  window.__bench = { cls: 0, firstRow: null, shifts: [] };
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : '(gone)';
    const testId = node.closest('[data-testid]')?.getAttribute('data-testid');
    const id = node.id ? '#' + node.id : '';
    const cls = typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';
    return node.tagName.toLowerCase() + id + cls + (testId ? ' in [data-testid=' + testId + ']' : '');
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__bench.cls += entry.value;
      window.__bench.shifts.push({
        at: Math.round(entry.startTime),
        value: Math.round(entry.value * 10000) / 10000,
        sources: (entry.sources || []).map((s) => ({
          node: describe(s.node),
          from: [Math.round(s.previousRect.y), Math.round(s.previousRect.height)],
          to: [Math.round(s.currentRect.y), Math.round(s.currentRect.height)],
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    if (window.__bench.firstRow === null && document.querySelector('[data-testid="cluster-row"]'))
      window.__bench.firstRow = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/** Starts counting animation frames; `window.__frames.stop()` returns their count, duration and slow frames. */
const COUNT_FRAMES = `(() => {
  const state = { frames: 0, slow: 0, last: 0, started: performance.now(), running: true };
  function step(time) {
    if (!state.running) return;
    if (state.last && time - state.last > 25) state.slow++;
    state.last = time;
    state.frames++;
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
  window.__frames = {
    stop() {
      state.running = false;
      const ms = performance.now() - state.started;
      return { fps: (state.frames * 1000) / ms, slowShare: state.frames ? state.slow / state.frames : 0, ms };
    },
  };
})()`;

/**
 * Clicks the "Cluster" header (the table is sorted by name, so the first row must change) and resolves with the
 * time from the click to the frame after the first row changed.
 */
const SORT_CLICK_MS = `new Promise((resolve, reject) => {
  const first = () => document.querySelector('[data-testid="cluster-row"]')?.getAttribute('data-cluster');
  const before = first();
  const button = [...document.querySelectorAll('th button')].find((b) => b.textContent.trim() === 'Cluster');
  if (!button) return reject(new Error('no Cluster sort button'));
  const started = performance.now();
  button.click();
  function check() {
    if (first() !== before) requestAnimationFrame(() => resolve(performance.now() - started));
    else if (performance.now() - started > 10000) reject(new Error('the sort did not change the first row'));
    else requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})`;

const profileTo = process.env.BENCH_PROFILE;
const traceTo = process.env.BENCH_TRACE;
let profiled = false;

const SCROLL_PX = 2_400;
const SCROLL_SPEED = 800;

/** One smooth wheel-scroll gesture by Chromium itself, frames counted while it runs. */
async function scrollGesture(page: Page, distance: number) {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(COUNT_FRAMES);
  await cdp.send('Input.synthesizeScrollGesture', {
    x: 600,
    y: 500,
    yDistance: -distance,
    speed: SCROLL_SPEED,
    gestureSourceType: 'mouse',
  });
  const result = await page.evaluate(() =>
    (window as unknown as { __frames: { stop(): { fps: number; slowShare: number } } }).__frames.stop(),
  );
  await cdp.detach();
  return result;
}

async function measure(page: Page) {
  const ndjson = { encoded: 0, decoded: 0, contentEncoding: '' };
  let prefetches = 0;
  let counting = false;
  page.on('request', (request) => {
    const headers = request.headers();
    if (counting && (headers['next-router-prefetch'] || /[?&]_rsc=/.test(request.url()))) prefetches++;
  });
  page.on('requestfinished', async (request) => {
    if (!request.url().endsWith('/api/inventory')) return;
    const response = await request.response();
    const sizes = await request.sizes();
    ndjson.encoded += sizes.responseBodySize;
    const headers = (await response?.allHeaders()) ?? {};
    const body = (await response?.body().catch(() => Buffer.alloc(0))) ?? Buffer.alloc(0);
    // The page asks for a gzip body itself (x-inventory-encoding; see app/api/inventory/route.ts).
    const gzipped = headers['x-inventory-encoding'] === 'gzip';
    ndjson.decoded += gzipped ? gunzipSync(body).length : body.length;
    ndjson.contentEncoding = gzipped ? 'gzip (x-inventory-encoding)' : (headers['content-encoding'] ?? 'identity');
  });

  await page.goto(APP_URL);
  await page
    .getByTestId('inventory-status')
    .filter({ hasText: /clusters? in \d+ subscriptions?\./ })
    .waitFor({ timeout: 120_000 });
  const loadedAt = await page.evaluate(() => performance.now());
  // Let the last batch render and be observed.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { cls, firstRow, domElements } = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { cls: number; firstRow: number } }).__bench;
    return { cls: bench.cls, firstRow: bench.firstRow, domElements: document.getElementsByTagName('*').length };
  });

  counting = true;
  const gestures = [];
  // BENCH_PROFILE=file.cpuprofile: the renderer's CPU profile during the gestures of the first run.
  const profiler = profileTo && !profiled ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  const tracing = traceTo && !profiled ? page.context().browser() : null;
  if (tracing)
    await tracing.startTracing(page, {
      path: traceTo,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'benchmark'],
    });
  for (const distance of [SCROLL_PX, SCROLL_PX, -SCROLL_PX]) gestures.push(await scrollGesture(page, distance));
  if (tracing) {
    await tracing.stopTracing();
    profiled = true;
  }
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(profileTo!, JSON.stringify(profile));
    profiled = true;
    await profiler.detach();
  }
  // Prefetches fire on intersection after the scroll: give them the next idle moment.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  counting = false;
  await page.evaluate(() => window.scrollTo(0, 0));
  const fps = median(gestures.map((g) => g.fps));
  const slowFrameShare = median(gestures.map((g) => g.slowShare));

  // First sort by name ascending (the fleet's clusters share one CA: by expiry they are in name order already).
  const nameHeader = page.locator('th', { has: page.getByRole('button', { name: 'Cluster', exact: true }) });
  await nameHeader.getByRole('button').click();
  await expectAttribute(nameHeader, 'aria-sort', 'ascending');
  const sorts: number[] = [];
  for (const direction of ['descending', 'ascending', 'descending']) {
    sorts.push(await page.evaluate<number>(SORT_CLICK_MS));
    await expectAttribute(nameHeader, 'aria-sort', direction);
  }
  const sortMs = median(sorts);
  const shifts = await page.evaluate(
    () => (window as unknown as { __bench: { shifts: { value: number }[] } }).__bench.shifts,
  );
  const clsSources = [...shifts].sort((a, b) => b.value - a.value).slice(0, 5);
  return {
    firstRowMs: firstRow,
    allRowsMs: loadedAt,
    cls,
    domElements,
    fps,
    fpsByGesture: gestures.map((g) => Math.round(g.fps * 10) / 10),
    slowFrameShare,
    sortMs,
    sortsMs: sorts.map((ms) => Math.round(ms)),
    prefetches,
    ndjson,
    clsSources,
    loadavg1m: Math.round(loadavg()[0]! * 100) / 100,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-inventory-ui-'));
const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
};
process.on('exit', stopAll);

try {
  if (!existsSync('.next/standalone/server.js')) throw new Error('No production build: run "npx next build" first.');
  children.push(
    start(
      'npx',
      [
        'tsx',
        'emulator/main.ts',
        '--port',
        String(EMULATOR_PORT),
        '--data-dir',
        dataDir,
        '--fleet',
        FLEET,
        '--latency',
        LATENCY,
        '--quiet',
      ],
      { NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    ),
  );
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  await waitFor(`${EMULATOR_URL}/_emulator/health`);
  children.push(
    start('node', ['scripts/start-standalone.mjs', '--port', String(APP_PORT), '--host', 'localhost'], {
      NEXT_TELEMETRY_DISABLED: '1',
      ...appEnvironmentFor(EMULATOR_URL, join(dataDir, 'ca.pem'), 'demo'),
    }),
  );
  await waitFor(APP_URL);

  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const runs: Awaited<ReturnType<typeof measure>>[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${APP_URL}/sign-in`);
    await page.getByRole('button', { name: /Olivia Owner/ }).click();
    await page.waitForURL(`${APP_URL}/`);
    await page.goto('about:blank');
    await page.addInitScript(OBSERVERS);
    const result = await measure(page);
    console.log(JSON.stringify({ run, ...result }));
    runs.push(result);
    await context.close();
  }
  await browser.close();
  const pick = (f: (r: (typeof runs)[number]) => number) => Math.round(median(runs.map(f)) * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: 'inventory-ui',
      label: process.env.BENCH_LABEL ?? '',
      fleet: FLEET,
      latencyMs: Number(LATENCY),
      runs: RUNS,
      firstRowMs: pick((r) => r.firstRowMs),
      allRowsMs: pick((r) => r.allRowsMs),
      cls: pick((r) => r.cls),
      domElements: pick((r) => r.domElements),
      scrollFps: pick((r) => r.fps),
      slowFrameShare: pick((r) => r.slowFrameShare),
      sortMs: pick((r) => r.sortMs),
      prefetchRequestsDuringScroll: pick((r) => r.prefetches),
      ndjsonBytesOnWire: pick((r) => r.ndjson.encoded),
      ndjsonBytesDecoded: pick((r) => r.ndjson.decoded),
      contentEncoding: runs[0]!.ndjson.contentEncoding,
      loadavg1m: runs.map((r) => r.loadavg1m),
    }),
  );
} finally {
  stopAll();
}
