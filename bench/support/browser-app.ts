/**
 * What the browser benches (size, lighthouse) share: the production server started the way users start it
 * (scripts/start-standalone.mjs), Debian's Chromium with the flags of playwright.config.ts, MSAL sign-in through
 * the emulator's Entra look-alike, and waiting until the network has been quiet for a while.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { appEnvironmentFor } from '../../emulator/app-environment';
import type { RunningEmulator } from '../../emulator/server';

export const CHROMIUM = '/usr/bin/chromium';
/** The same flags as playwright.config.ts. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const launchOptions = () =>
  existsSync(CHROMIUM) ? { executablePath: CHROMIUM, args: CHROMIUM_FLAGS } : { args: CHROMIUM_FLAGS };

/** A seeded cluster of the emulator (e2e/support/arm.ts CORE). */
export const PAYMENTS = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-payments-prod',
  name: 'aks-payments-prod-weu',
};
export const clusterPagePath = (c: typeof PAYMENTS) => `/clusters/${c.subscriptionId}/${c.resourceGroup}/${c.name}`;

export function requireBuild(bench: string): void {
  if (!existsSync('.next/standalone/server.js')) {
    console.error(`${bench} needs a production build: run "npx next build" first.`);
    process.exit(1);
  }
}

export function portFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65_535) throw new Error(`${name} must be a port number`);
  return value;
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** The standalone server in its own process group, so stopping it stops everything it started. */
export async function startApp(
  emulator: RunningEmulator,
  authMode: 'msal' | 'demo',
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<RunningApp> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    ...appEnvironmentFor(emulator.baseUrl, emulator.caFile, authMode),
    ...extraEnv,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/start-standalone.mjs', '--port', String(port), '--host', 'localhost'],
    { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`the production server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error('the production server did not start');
}

/** Real MSAL against the emulator's Entra look-alike, as e2e/fixtures.ts signInWithMsal does. */
export async function signInWithMsal(page: Page, appUrl: string, personaName: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click({ timeout: 60_000 });
  await page.getByRole('button', { name: new RegExp(personaName) }).click({ timeout: 60_000 });
  await page.getByTestId('signed-in-as').getByText(personaName).waitFor({ timeout: 60_000 });
}

/**
 * Tracks the page's requests from now on; `quiet()` resolves once none has been in flight for `quietMs`
 * (Playwright's own "networkidle" is 500 ms after the load event only; lazy chunks and token calls start later).
 */
export function trackNetwork(page: Page) {
  const inFlight = new Set<unknown>();
  let changed = Date.now();
  const onRequest = (request: unknown) => {
    inFlight.add(request);
    changed = Date.now();
  };
  const onEnd = (request: unknown) => {
    inFlight.delete(request);
    changed = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onEnd);
  page.on('requestfailed', onEnd);
  return {
    async quiet(quietMs = 1500, timeoutMs = 90_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      // Polls our own bookkeeping (not the page): the condition is "nothing happened for quietMs".
      while (inFlight.size > 0 || Date.now() - changed < quietMs) {
        if (Date.now() > deadline) throw new Error(`the network did not go quiet within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop() {
      page.off('request', onRequest);
      page.off('requestfinished', onEnd);
      page.off('requestfailed', onEnd);
    },
  };
}
