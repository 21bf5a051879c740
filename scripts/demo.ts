/**
 * `npm run demo`: the local emulator and the dashboard configured against it, with one command.
 * One Ctrl-C stops both. Builds the app first when the production build is missing or older than the sources.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { Agent, request } from 'node:https';
import { Command } from 'commander';
import { z } from 'zod';
import { appEnvironmentFor } from '../emulator/app-environment';

const options = z
  .object({
    port: z.coerce.number().int().min(1).max(65535),
    emulatorPort: z.coerce.number().int().min(1).max(65535),
    state: z.string().optional(),
    build: z.boolean(),
  })
  .parse(
    new Command('demo')
      .option('--port <port>', 'dashboard port', process.env.PORT ?? '3000')
      .option('--emulator-port <port>', 'emulator port', process.env.EMULATOR_PORT ?? '8443')
      .option('--state <file>', 'keep the emulator state in this file across restarts')
      .option('--no-build', 'do not rebuild the app even if sources changed')
      .parse()
      .opts(),
  );

const dataDir = resolve('.emulator');
const caFile = join(dataDir, 'ca.pem');
const emulatorUrl = `https://localhost:${options.emulatorPort}`;
const appUrl = `http://localhost:${options.port}`;
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function start(name: string, command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.error(`demo: ${name} stopped (exit ${code ?? 'signal'}); stopping the demo.`);
    stopAll(code || 1);
  });
  children.push(child);
  return child;
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', '.git', '.emulator', 'emulator', 'e2e', 'bench', 'test-results'].includes(entry.name))
      continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const buildId = '.next/BUILD_ID';
  const fresh =
    existsSync(buildId) &&
    existsSync('.next/standalone/server.js') &&
    statSync(buildId).mtimeMs > newestSourceTime('.');
  if (fresh || !options.build) return;
  console.log('demo: building the dashboard (first run, or sources changed)…');
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) stopAll(result.status ?? 1);
}

async function emulatorIsHealthy(): Promise<boolean> {
  if (!existsSync(caFile)) return false;
  return new Promise((done) => {
    const req = request(
      `${emulatorUrl}/_emulator/health`,
      { agent: new Agent({ ca: readFileSync(caFile) }), timeout: 2000 },
      (res) => {
        res.resume();
        done(res.statusCode === 200);
      },
    );
    req.on('error', () => done(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function waitForEmulator(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await emulatorIsHealthy()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`demo: the emulator did not become ready at ${emulatorUrl} within 60 s.`);
  stopAll(1);
}

const emulatorArgs = [
  'tsx',
  'emulator/main.ts',
  '--port',
  String(options.emulatorPort),
  '--data-dir',
  dataDir,
  '--ms-per-batch',
  '3000',
];
if (options.state) emulatorArgs.push('--state', resolve(options.state));
start('emulator', 'npx', emulatorArgs);
buildIfStale();
await waitForEmulator();

start(
  'dashboard',
  process.execPath,
  ['scripts/start-standalone.mjs', '--port', String(options.port), '--host', 'localhost'],
  {
    NEXT_TELEMETRY_DISABLED: '1',
    ...appEnvironmentFor(emulatorUrl, caFile, 'demo'),
  },
);
console.log(`\n  AKS CA trust demo: open ${appUrl}  (emulator at ${emulatorUrl}; Ctrl-C stops both)\n`);
