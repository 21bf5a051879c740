import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleResult } from '../types';
import { read } from './helpers';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const present = existsSync(BUNDLE);
if (!present)
  console.warn(
    `SKIPPED: ${BUNDLE} is missing; install Debian's ca-certificates package (.ci/run does) to run the Debian bundle test.`,
  );

/**
 * openssl's SHA-256 of every block. OpenSSL 3 reads only the first certificate of a file, so the blocks go
 * to numbered files and xargs runs `openssl x509` in batches on four workers.
 */
function opensslFingerprints(text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'aks-ca-trust-debian-'));
  try {
    blocks.forEach((block, index) => writeFileSync(join(dir, `${String(index).padStart(4, '0')}.pem`), block));
    // One echo per line: lines from parallel workers stay whole (each write is below PIPE_BUF).
    const script = 'for f; do echo "$f $(openssl x509 -in "$f" -noout -fingerprint -sha256)"; done';
    const output = execFileSync('sh', ['-c', `ls *.pem | xargs -P 4 -n 20 sh -c '${script}' _`], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    return output
      .trim()
      .split('\n')
      .sort()
      .map((line) => line.split('=')[1]!.replace(/:/g, '').toLowerCase());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!present)(`Debian CA bundle (${BUNDLE})`, () => {
  let result: BundleResult;
  let text: string;

  it('every certificate decodes', async () => {
    text = readFileSync(BUNDLE, 'utf8');
    result = await read({ name: BUNDLE, content: text });
    const blockCount = text.match(/-----BEGIN CERTIFICATE-----/g)!.length;
    expect(result.certificates).toHaveLength(blockCount);
    expect(result.findings.filter((finding) => finding.id === 'not-a-certificate')).toEqual([]);
    for (const certificate of result.certificates) {
      expect(certificate.displayName.length).toBeGreaterThan(0);
      expect(certificate.basicConstraints.cA).toBe(true);
    }
  });

  // One openssl process per certificate (about 150): minutes on a loaded 2-core machine, not seconds.
  it('every SHA-256 equals openssl x509 -fingerprint -sha256 of the same block', { timeout: 180_000 }, () => {
    expect(result.certificates.map((certificate) => certificate.sha256)).toEqual(opensslFingerprints(text));
  });

  it('no error other than expiry and the 10-certificate limit', () => {
    const errors = result.findings.filter(
      (finding) => finding.severity === 'error' && finding.id !== 'expired' && finding.id !== 'too-many-certificates',
    );
    expect(errors).toEqual([]);
  });

  it('every self-signed root verifies its own signature', () => {
    const failing = result.certificates.filter(
      (certificate) => certificate.selfIssued && certificate.selfSignatureValid !== true,
    );
    expect(failing.map((certificate) => certificate.displayName)).toEqual([]);
  });
});
