/**
 * The baseline of bench:size: a bare Next.js app (a root layout and a page with one heading, no client code) built
 * with this repository's own node_modules (same next, react, react-dom), served by `next start`, and measured the
 * way the routes are. It is built in a scratch folder inside the repository (so module resolution finds
 * node_modules) that is removed afterwards. Server-side files do not change what the browser downloads.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from './browser-app';
import { measurePage, summarise } from './script-sizes';

const NEXT_BIN = resolve('node_modules/next/dist/bin/next');

function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`next ${args[0]} exited with ${code}`))));
  });
}

export async function measureBareNext(port: number): Promise<number> {
  const dir = resolve('.bench-bare-next');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-next', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'next.config.mjs'),
    `export default { turbopack: { root: ${JSON.stringify(resolve('.'))} } };\n`,
  );
  writeFileSync(
    join(dir, 'app', 'layout.jsx'),
    `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  // Without its own, Next picks up the repository's instrumentation.ts (the folder is inside the repository).
  writeFileSync(join(dir, 'instrumentation.js'), 'export function register() {}\n');
  writeFileSync(join(dir, 'app', 'page.jsx'), `export default function Page() {\n  return <h1>Hello</h1>;\n}\n`);
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await run(['build', dir], dir);
    server = spawn(process.execPath, [NEXT_BIN, 'start', dir, '--port', String(port), '--hostname', 'localhost'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    const url = `http://localhost:${port}/`;
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        if (attempt > 240) throw new Error('the bare Next.js server did not start');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const browser = await chromium.launch(launchOptions());
    try {
      const context = await browser.newContext();
      const scripts = await measurePage(context, url, (page) => page.getByRole('heading').waitFor());
      const line = summarise(scripts);
      console.log(`${'bare Next.js page (baseline)'.padEnd(58)} ${String(line.gzip_kb).padStart(6)} kB gzip`);
      return line.gzip_kb;
    } finally {
      await browser.close();
    }
  } finally {
    if (server?.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
