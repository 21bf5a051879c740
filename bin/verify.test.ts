/** ca-trust verify and probe over the generated chains of lib/pki/path/tests (each failure kind, and valid chains). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectations } from '../lib/pki/path/tests/expectations';
import { serve } from '../lib/pki/path/tests/node-tls';
import { makeScenarios, type Scenario } from '../lib/pki/path/tests/scenarios';
import { runCli } from './cli/main';

const BIN = fileURLToPath(new URL('./ca-trust.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function caTrust(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async () => new Uint8Array(),
  });
  return { code, stdout, stderr };
}

let dir: string;
let scenarios: Record<string, Scenario>;

function files(name: string): { trust: string; chain: string; leaf: string; intermediates: string } {
  const scenario = scenarios[name]!;
  const path = (suffix: string) => join(dir, `${name}.${suffix}.pem`);
  writeFileSync(path('trust'), scenario.anchors.join(''));
  writeFileSync(path('chain'), scenario.chain.join(''));
  writeFileSync(path('leaf'), scenario.chain[0]!);
  writeFileSync(path('intermediates'), scenario.chain.slice(1).join(''));
  return { trust: path('trust'), chain: path('chain'), leaf: path('leaf'), intermediates: path('intermediates') };
}

function nameArgs(scenario: Scenario): string[] {
  const args: string[] = [];
  if (scenario.host) args.push(scenario.host === '127.0.0.1' ? '--ip' : '--host', scenario.host);
  if (scenario.purpose) args.push('--purpose', scenario.purpose);
  if (scenario.maxDepth) args.push('--max-depth', String(scenario.maxDepth));
  return args;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-trust-verify-'));
  scenarios = await makeScenarios();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ca-trust verify', () => {
  for (const [name, expected] of Object.entries(expectations)) {
    it(`${name}: ${expected.trusted ? 'trusted (exit 0)' : `not trusted (exit 1) with ${expected.ids.join(', ')}`}`, async () => {
      const scenario = scenarios[name]!;
      const paths = files(name);
      const run = await caTrust([
        'verify',
        '--trust',
        paths.trust,
        '--chain',
        paths.chain,
        ...nameArgs(scenario),
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(expected.trusted ? 0 : 1);
      const output = JSON.parse(run.stdout) as {
        trusted: boolean;
        path: { subject: string; sha256: string }[];
        findings: { id: string; severity: string; message: string }[];
      };
      expect(Object.keys(output)).toEqual(['trusted', 'path', 'findings']);
      expect(output.trusted).toBe(expected.trusted);
      expect(Object.keys(output.path[0]!)).toEqual(['subject', 'sha256']);
      const errors = output.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.id);
      expect(errors.sort()).toEqual([...expected.ids].sort());
    });
  }

  it('--leaf with --chain holding only the intermediates gives the same verdict', async () => {
    const paths = files('cross-signed-only-cross-path-valid');
    const run = await caTrust([
      'verify',
      '--trust',
      paths.trust,
      '--leaf',
      paths.leaf,
      '--chain',
      paths.intermediates,
      '--host',
      'registry.contoso.com',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^trusted: TLS server certificate for registry\.contoso\.com\npath used:\n {2}\[leaf\] CN=registry\.contoso\.com/,
    );
    expect(run.stdout).toMatch(/\[root\] .*CN=Contoso Root CA/);
  });

  it('--at moves the validation time (the valid chain is expired in three years)', async () => {
    const paths = files('valid');
    const at = new Date(Date.now() + 3 * 365 * 86_400_000).toISOString();
    const run = await caTrust(['verify', '--trust', paths.trust, '--chain', paths.chain, '--at', at, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"id": "expired"');
  });

  it.each([
    [['verify', '--chain', 'x.pem'], /required option '--trust <file>'/],
    [['verify', '--trust', 'TRUST'], /pass --chain FILE/],
    [
      ['verify', '--trust', 'TRUST', '--chain', 'CHAIN', '--host', 'a', '--ip', '10.0.0.1'],
      /choose one of --host and --ip/,
    ],
    [['verify', '--trust', 'TRUST', '--chain', 'CHAIN', '--ip', 'registry'], /--ip must be an IPv4 or IPv6 address/],
    [['verify', '--trust', 'TRUST', '--chain', 'CHAIN', '--at', 'tomorrow'], /--at must be an ISO-8601 time/],
    [['verify', '--trust', 'TRUST', '--chain', 'CHAIN', '--max-depth', '0'], /--max-depth must be a whole number/],
    [['verify', '--trust', 'TRUST', '--chain', 'CHAIN', '--purpose', 'email'], /Allowed choices are server, client/],
    [['verify', '--trust', 'EMPTY', '--chain', 'CHAIN'], /--trust \(.*\) holds no readable certificate/],
    [['verify', '--trust', 'missing.pem', '--chain', 'CHAIN'], /cannot read missing\.pem: no such file/],
  ])('bad input %j exits 2', async (args, message) => {
    const paths = files('valid');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'nothing here\n');
    const resolved = args.map((arg) =>
      arg === 'TRUST' ? paths.trust : arg === 'CHAIN' ? paths.chain : arg === 'EMPTY' ? empty : arg,
    );
    const run = await caTrust(resolved);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('the real launcher exits 1 for an expired intermediate and 0 for a valid chain', async () => {
    const spawnRun = (args: string[]) =>
      new Promise<Run>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const expired = files('expired-intermediate');
    const valid = files('valid');
    const [bad, good] = await Promise.all([
      spawnRun(['verify', '--trust', expired.trust, '--chain', expired.chain, '--host', 'registry.contoso.com']),
      spawnRun(['verify', '--trust', valid.trust, '--chain', valid.chain, '--host', 'registry.contoso.com']),
    ]);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toContain("error [expired] The intermediate 'Contoso Issuing CA 1' expired on");
    expect(good.code, good.stderr).toBe(0);
  }, 60_000);
});

describe('ca-trust probe (against a local TLS server)', () => {
  async function probe(name: string, extra: string[]): Promise<Run> {
    const scenario = scenarios[name]!;
    const server = await serve(scenario);
    try {
      return await caTrust(['probe', `127.0.0.1:${server.port}`, '--trust', files(name).trust, ...extra, '--json']);
    } finally {
      await server.close();
    }
  }

  it('trusts a valid chain, checking the servername', async () => {
    const run = await probe('valid', ['--servername', 'registry.contoso.com']);
    expect(run.code, run.stderr).toBe(0);
    const subjects = JSON.parse(run.stdout).path.map((entry: { subject: string }) => entry.subject);
    expect(subjects).toEqual([
      'CN=registry.contoso.com',
      'O=Contoso, CN=Contoso Issuing CA 2',
      'O=Contoso, CN=Contoso Root CA',
    ]);
  });

  it('decides with the engine, not the handshake: the cross-signed path is trusted where OpenSSL says expired', async () => {
    const run = await probe('cross-signed-only-cross-path-valid', ['--servername', 'registry.contoso.com']);
    expect(run.code, run.stdout).toBe(0);
  });

  it('reports an expired intermediate the server sends (exit 1)', async () => {
    const run = await probe('expired-intermediate', ['--servername', 'registry.contoso.com']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((finding: { id: string }) => finding.id)).toEqual(['expired']);
  });

  it('reports a server that sends no intermediate', async () => {
    const run = await probe('missing-intermediate', ['--servername', 'registry.contoso.com']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('missing-intermediate');
  });

  it('checks the IP address when probing by IP without a servername', async () => {
    expect((await probe('ip-san', [])).code).toBe(0);
    const missing = await probe('ip-missing', []);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('ip-mismatch');
  });

  it('exits 2 when nothing listens', async () => {
    const server = await serve(scenarios['valid']!);
    const port = server.port;
    await server.close();
    const run = await caTrust(['probe', `127.0.0.1:${port}`, '--trust', files('valid').trust]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot connect to 127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('exits 2 on a malformed target', async () => {
    const run = await caTrust(['probe', 'host:99999', '--trust', files('valid').trust]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/port must be 1-65535/);
  });
});
