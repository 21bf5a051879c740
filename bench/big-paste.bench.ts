/**
 * npm run bench:big-paste [-- COUNT]
 *
 * A 2 MiB paste of COUNT (default 4,100) distinct CA certificates, read in Debian's Chromium by the editor's
 * proposal pipeline (lib/clusters/proposal: the first 50 decoded, the rest counted) against the target of 2 s,
 * beside lib/pki decoding every certificate (what the editor did before, without the 4,100 cards it then
 * rendered). Serves an esbuild bundle on 127.0.0.1:3133 (the display stream's range). Last line: one JSON object.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { cachedBigBundle } from '../e2e/support/big-bundle';

const COUNT = Number(process.argv[2] ?? 4_100);
const TARGET_MS = 2_000;
const RUNS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3133);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const text = await cachedBigBundle(COUNT);
  const bundle = await build({
    entryPoints: { app: new URL('./big-paste.entry.ts', import.meta.url).pathname },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    outdir: '/out',
  });
  const files: Record<string, string> = Object.fromEntries(
    bundle.outputFiles.map((file) => [file.path.replace('/out', ''), file.text]),
  );
  files['/index.html'] =
    '<!doctype html><script type="module">import * as app from "./app.js"; window.app = app;</script>';
  const server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, {
      'content-type': request.url?.endsWith('.html') ? 'text/html' : 'text/javascript',
    });
    response.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  const browser = await chromium.launch(
    existsSync('/usr/bin/chromium')
      ? {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        }
      : {},
  );
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.waitForFunction(() => 'app' in window);
    const settle: number[] = [];
    const full: number[] = [];
    let shown = 0;
    let counted = 0;
    for (let run = 0; run < RUNS; run++) {
      const result = await page.evaluate(async (content) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle's exports, set by index.html
        const app = (window as any).app;
        const now = new Date();
        const inputs = [{ name: 'pasted text', content }];
        const t0 = performance.now();
        const proposal = await app.buildProposal({ current: [], inputs, excluded: { current: [], added: [] }, now });
        const t1 = performance.now();
        const all = await app.readBundle(inputs, { now });
        const t2 = performance.now();
        return {
          settle: t1 - t0,
          full: t2 - t1,
          shown: proposal.certificates.length,
          counted: proposal.notDecoded,
          all: all.certificates.length,
        };
      }, text);
      settle.push(result.settle);
      full.push(result.full);
      shown = result.shown;
      counted = result.counted;
      if (result.all !== COUNT) throw new Error(`lib/pki read ${result.all} of ${COUNT} certificates`);
    }
    const settleMs = median(settle);
    const fullMs = median(full);
    console.log(
      `${COUNT} certificates, ${text.length} bytes, ${RUNS} runs in Chromium: proposal (first ${shown} decoded, ${counted} counted) median ${round(settleMs)} ms; every certificate decoded median ${round(fullMs)} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'big-paste',
        certificates: COUNT,
        bytes: text.length,
        settle_median_ms: round(settleMs),
        target_ms: TARGET_MS,
        ratio: round(settleMs / TARGET_MS),
        baseline: 'lib/pki readBundle of every certificate (the editor before; rendering not counted)',
        baseline_median_ms: round(fullMs),
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
