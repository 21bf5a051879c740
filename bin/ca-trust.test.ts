import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixtures } from '../lib/pki/tests/fixtures';
import { base64Lines, toBase64 } from '../lib/pki/tests/helpers';
import { runCli } from './cli/main';

const BIN = fileURLToPath(new URL('./ca-trust.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command line in this process (fast); `spawnCaTrust` checks the real launcher end to end. */
async function caTrust(args: string[], stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async () => new TextEncoder().encode(stdin ?? ''),
  });
  return { code, stdout, stderr };
}

function spawnCaTrust(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

let fx: Fixtures;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  fx = await loadFixtures();
  const p = (name: string) => fx.path(name);
  const arm = JSON.stringify({
    id: '/subscriptions/x',
    properties: {
      securityProfile: {
        customCATrustCertificates: [toBase64(fx.text('rsa-root.pem')), toBase64(fx.text('ec-root.pem'))],
      },
    },
  });
  const cases: Record<string, [string[], string?]> = {
    good: [['lint', '--json', p('rsa-root.pem')]],
    leaf: [['lint', '--json', p('leaf.pem')]],
    key: [['lint', '--json', p('rsa-root.pem'), p('rsa-traditional.key')]],
    stdin: [['lint', '--json', '-'], fx.text('ec-root.pem').replace(/\n/g, '\r\n')],
    human: [['lint', p('rsa-root.pem'), p('sha1-intermediate.pem')]],
    expiredAt: [['lint', '--json', '--now', '2099-01-01T00:00:00Z', p('rsa-root.pem')]],
    badOption: [['lint', '--bogus', p('rsa-root.pem')]],
    noFiles: [['lint']],
    badNow: [['lint', '--now', 'soon', p('rsa-root.pem')]],
    missingFile: [['lint', p('does-not-exist.pem')]],
    payload: [['payload', p('rsa-root.pem'), p('ec-root.pem'), p('rsa-root.der')]],
    payloadAz: [['payload', '--az', p('bundle.p7b')]],
    payloadTerraform: [['payload', '--terraform', p('rsa-root.pem')]],
    payloadError: [['payload', p('leaf.pem')]],
    decodeArm: [['decode', '-'], arm],
    decodeArray: [['decode'], JSON.stringify([toBase64(fx.text('ed25519-root.pem'))])],
    decodeNotJson: [['decode', '-'], 'hello'],
  };
  const results = await Promise.all(
    Object.entries(cases).map(async ([name, [args, stdin]]) => [name, await caTrust(args, stdin)] as const),
  );
  for (const [name, run] of results) runs[name] = run;
  const [spawnedJson, spawnedUsage] = await Promise.all([
    spawnCaTrust(['lint', '--json', p('leaf.pem')]),
    spawnCaTrust(['lint']),
  ]);
  runs.spawnedJson = spawnedJson;
  runs.spawnedUsage = spawnedUsage;
}, 120_000);

describe('bin/ca-trust.mjs launcher', () => {
  it('runs the TypeScript command line through tsx with the right exit codes', () => {
    expect(runs.spawnedJson!.code).toBe(1);
    expect(JSON.parse(runs.spawnedJson!.stdout).findings[0].id).toBe('not-a-ca');
    expect(runs.spawnedUsage!.code).toBe(2);
    expect(runs.spawnedUsage!.stderr).toContain('Usage: ca-trust');
  });
});

describe('ca-trust lint', () => {
  it('--json prints exactly one JSON object with the documented fields; exit 0 without errors', () => {
    const run = runs.good!;
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(['certificates', 'findings', 'payload']);
    const [certificate] = output.certificates;
    for (const key of [
      'index',
      'source',
      'displayName',
      'subject',
      'issuer',
      'serialNumber',
      'notBefore',
      'notAfter',
      'sha256',
      'sha1',
      'spkiSha256',
      'basicConstraints',
      'keyUsage',
      'extendedKeyUsage',
      'publicKey',
      'signatureAlgorithm',
      'selfIssued',
      'selfSignatureValid',
    ]) {
      expect(certificate).toHaveProperty(key);
    }
    expect(certificate.source).toEqual({
      file: fx.path('rsa-root.pem'),
      startLine: 1,
      endLine: fx.text('rsa-root.pem').trimEnd().split('\n').length,
    });
    expect(certificate.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(certificate.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(certificate.notAfter).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(certificate.publicKey).toEqual({ algorithm: 'RSA', size: 2048 });
    expect(output.payload).toEqual([toBase64(fx.text('rsa-root.pem'))]);
  });

  it('exit 1 with stable ids and lines when there is an error', () => {
    expect(runs.leaf!.code).toBe(1);
    const { findings } = JSON.parse(runs.leaf!.stdout);
    expect(findings).toContainEqual(
      expect.objectContaining({
        id: 'not-a-ca',
        severity: 'error',
        certificateIndex: 0,
        file: fx.path('leaf.pem'),
        line: 1,
      }),
    );
    expect(runs.expiredAt!.code).toBe(1);
    expect(JSON.parse(runs.expiredAt!.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['expired']);
  });

  it('refuses a private key without printing it', () => {
    expect(runs.key!.code).toBe(1);
    const output = JSON.parse(runs.key!.stdout);
    expect(output.findings).toContainEqual(
      expect.objectContaining({ id: 'private-key', file: fx.path('rsa-traditional.key'), line: 1 }),
    );
    for (const line of base64Lines(fx.text('rsa-traditional.key')))
      expect(runs.key!.stdout + runs.key!.stderr).not.toContain(line);
  });

  it('reads stdin with -', () => {
    expect(runs.stdin!.code).toBe(0);
    const output = JSON.parse(runs.stdin!.stdout);
    expect(output.certificates[0].source.file).toBe('stdin');
    expect(output.findings.map((f: { id: string }) => f.id)).toEqual(['crlf-normalized']);
  });

  it('human output: a block per certificate and findings with file:line', () => {
    expect(runs.human!.code).toBe(1);
    expect(runs.human!.stdout).toContain('[1] Contoso RSA Root');
    expect(runs.human!.stdout).toContain(`${fx.path('sha1-intermediate.pem')}:1: error [sha1-signature]`);
  });

  it('exit 2 on usage errors', () => {
    for (const name of ['badOption', 'noFiles', 'badNow', 'missingFile']) {
      expect(runs[name]!.code, name).toBe(2);
      expect(runs[name]!.stdout, name).toBe('');
    }
    expect(runs.missingFile!.stderr).toContain('no such file');
  });
});

describe('ca-trust payload and decode', () => {
  it('payload prints the JSON array, deduplicated across formats', () => {
    expect(runs.payload!.code).toBe(0);
    expect(JSON.parse(runs.payload!.stdout)).toEqual([
      toBase64(fx.text('rsa-root.pem')),
      toBase64(fx.text('ec-root.pem')),
    ]);
    expect(runs.payload!.stderr).toContain('[duplicate]');
  });

  it('--az prints blank-line separated PEM; --terraform prints an HCL list', () => {
    expect(runs.payloadAz!.stdout).toBe(`${fx.text('rsa-root.pem')}\n${fx.text('ec-root.pem')}`);
    expect(runs.payloadTerraform!.stdout).toBe(`[\n  "${toBase64(fx.text('rsa-root.pem'))}",\n]\n`);
  });

  it('payload refuses to print when there is an error', () => {
    expect(runs.payloadError!.code).toBe(1);
    expect(runs.payloadError!.stdout).toBe('');
    expect(runs.payloadError!.stderr).toContain('not-a-ca');
  });

  it('decode prints the PEM bundle with a summary line per certificate', () => {
    expect(runs.decodeArm!.code).toBe(0);
    expect(runs.decodeArm!.stdout).toMatch(
      /^# \[1\] Contoso RSA Root \| CA \| expires .* \| sha256 [0-9a-f]{64}\n-----BEGIN CERTIFICATE-----/,
    );
    expect(runs.decodeArm!.stdout).toContain(fx.text('ec-root.pem'));
    expect(runs.decodeArray!.stdout).toContain(fx.text('ed25519-root.pem'));
    expect(runs.decodeNotJson!.code).toBe(2);
  });
});
