/**
 * CI has no Docker: this builds the folder layout the Dockerfile's last stage copies (standalone server, static
 * chunks, public, the health check script, the cache link into /tmp) from this build, makes it read-only like the
 * image's root file system, starts the server from it as the container would, and asks the health route.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EMULATOR_CA_FILE } from './environment';

/** `COPY --from=build <from> <to>` lines of the Dockerfile's last stage, and the other files it copies. */
function dockerfileCopies(): { from: string; to: string }[] {
  const text = readFileSync('Dockerfile', 'utf8');
  const lastStage = text.slice(text.lastIndexOf('\nFROM '));
  return [...lastStage.matchAll(/^COPY (--from=build )?(\S+) (\S+)$/gm)].map((m) => ({
    from: m[1] ? m[2]!.replace(/^\/app\//, '') : m[2]!,
    to: m[3]!,
  }));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function makeReadOnly(path: string) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) makeReadOnly(child);
    else if (entry.isFile()) chmodSync(child, statSync(child).mode & 0o555);
  }
  chmodSync(path, 0o555);
}

function makeWritable(path: string) {
  chmodSync(path, 0o755);
  for (const entry of readdirSync(path, { withFileTypes: true }))
    if (entry.isDirectory()) makeWritable(join(path, entry.name));
}

let root: string;
let server: ChildProcess | undefined;
test.afterEach(() => {
  if (server?.pid) process.kill(server.pid, 'SIGTERM');
  if (root) {
    makeWritable(join(root, 'app'));
    rmSync(root, { recursive: true, force: true });
  }
});

test('the image layout (standalone + static + public) starts read-only and answers the health route from its configuration', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const copies = dockerfileCopies();
  expect(copies.map((c) => c.from)).toEqual(['.next/standalone', '.next/static', 'public', 'deploy/healthcheck.mjs']);
  root = mkdtempSync(join(tmpdir(), 'aks-ca-trust-image-'));
  const app = join(root, 'app');
  const tmp = join(root, 'tmp');
  mkdirSync(app);
  mkdirSync(join(tmp, 'next-cache'), { recursive: true });
  for (const { from, to } of copies) {
    mkdirSync(from === 'public' ? 'public' : '.', { recursive: true });
    cpSync(from, join(app, to), { recursive: true });
  }
  // `RUN ln -s /tmp/next-cache .next/cache`, with this test's tmp standing in for /tmp.
  symlinkSync(join(tmp, 'next-cache'), join(app, '.next', 'cache'));
  const caFile = join(tmp, 'arm-ca.pem');
  writeFileSync(caFile, readFileSync(EMULATOR_CA_FILE));
  makeReadOnly(app);

  const port = await freePort();
  const output: string[] = [];
  server = spawn(process.execPath, ['server.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      TMPDIR: tmp,
      HOME: tmp,
      AZURE_CLIENT_ID: '0e3b6c2a-5c1f-4b5e-9a55-ca7457c0ffee',
      ARM_CA_FILE: caFile,
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => output.push(String(chunk)));
  server.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await request.get(`${base}/api/health`).catch(() => null))?.status(), { timeout: 60_000 })
    .toBe(200);
  const health = await request.get(`${base}/api/health`);
  expect(await health.json()).toEqual({ status: 'ok', environment: 'Azure public cloud', authMode: 'msal' });

  // The health check script of the image agrees.
  const check = spawn(process.execPath, [join(app, 'deploy/healthcheck.mjs')], {
    env: { ...process.env, PORT: String(port) },
  });
  expect(await new Promise((resolve) => check.on('exit', resolve))).toBe(0);

  // A page and one of its static chunks come from the copied layout, with the security headers.
  const home = await request.get(base);
  expect(home.status()).toBe(200);
  expect(home.headers()['content-security-policy']).toContain("'strict-dynamic'");
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(await home.text())?.[0];
  const staticChunk = await request.get(`${base}${chunk}`);
  expect(staticChunk.status()).toBe(200);
  expect(staticChunk.headers()['x-content-type-options']).toBe('nosniff');

  // Configuration gone bad at run time (the mounted CA file disappeared): 503 naming the variable, no ARM call.
  rmSync(caFile);
  const broken = await request.get(`${base}/api/health`);
  expect(broken.status()).toBe(503);
  expect((await broken.json()).problem).toMatch(/^ARM_CA_FILE: cannot read/);
  expect(output.join('')).toMatch(/"route":"\/api\/health"/);
});
