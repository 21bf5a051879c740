import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixtures } from './fixtures';
import { finding, ids, read, toBase64 } from './helpers';

let fx: Fixtures;
let rsa: string;
let ec: string;

beforeAll(async () => {
  fx = await loadFixtures();
  rsa = fx.text('rsa-root.pem');
  ec = fx.text('ec-root.pem');
});

describe('intake: safe fixes are applied and reported', () => {
  it('reads a clean PEM with no findings and keeps its lines', async () => {
    const result = await read({ name: 'ca.pem', content: rsa });
    expect(result.findings).toEqual([]);
    expect(result.certificates[0]!.source).toEqual({
      file: 'ca.pem',
      startLine: 1,
      endLine: rsa.trimEnd().split('\n').length,
    });
    expect(result.certificates[0]!.pem).toBe(rsa);
  });

  it('converts CRLF and lone CR line endings, keeping line numbers', async () => {
    const crlf = await read({ content: `${rsa}\n${ec}`.replace(/\n/g, '\r\n') });
    expect(ids(crlf.findings)).toEqual(['crlf-normalized']);
    const secondStart = rsa.split('\n').length + 1;
    expect(crlf.certificates[1]!.source.startLine).toBe(secondStart);
    const cr = await read({ content: rsa.replace(/\n/g, '\r') });
    expect(ids(cr.findings)).toEqual(['cr-normalized']);
    expect(cr.certificates[0]!.pem).toBe(rsa);
  });

  it('removes a UTF-8 BOM (text or bytes) and reads UTF-16 files', async () => {
    expect(ids((await read({ content: `\ufeff${rsa}` })).findings)).toEqual(['bom-removed']);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(rsa)]);
    expect(ids((await read({ content: bytes })).findings)).toEqual(['bom-removed']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(rsa, 'utf16le')]);
    const fromUtf16 = await read({ content: utf16 });
    expect(fromUtf16.certificates[0]!.pem).toBe(rsa);
    expect(ids(fromUtf16.findings)).toEqual(['utf16-converted']);
  });

  it('trims indentation and trailing whitespace', async () => {
    const indented = rsa
      .split('\n')
      .map((line) => (line ? `   ${line} \t` : line))
      .join('\n');
    const result = await read({ content: indented });
    expect(ids(result.findings)).toEqual(['whitespace-trimmed']);
    expect(result.certificates[0]!.pem).toBe(rsa);
  });

  it('drops text outside blocks (comments, Bag Attributes) and says which line', async () => {
    const text = `# Contoso root\nBag Attributes\n    friendlyName: contoso\nsubject=/CN=Contoso\n${rsa}trailing note\n`;
    const result = await read({ name: 'bundle.pem', content: text });
    expect(result.certificates).toHaveLength(1);
    expect(finding(result, 'text-outside-blocks')).toMatchObject({ severity: 'info', line: 1, file: 'bundle.pem' });
    expect(finding(result, 'text-outside-blocks')!.message).toContain('5 lines');
    expect(result.certificates[0]!.source.startLine).toBe(5);
  });

  it('splits blocks glued on one line and single-line PEM', async () => {
    const glued = `${rsa.trimEnd()}${ec}`;
    const result = await read({ content: glued });
    expect(result.certificates.map((c) => c.displayName)).toEqual(['Contoso RSA Root', 'Contoso EC Root']);
    expect(ids(result.findings)).toEqual(['pem-lines-rewrapped']);
    const oneLine = rsa.trimEnd().split('\n').join(' ');
    expect((await read({ content: oneLine })).certificates[0]!.pem).toBe(rsa);
  });

  it('decodes a whole file that is base64 of PEM (what ARM returns), pointing at line 1', async () => {
    const result = await read({ content: toBase64(rsa + ec) + '\n' });
    expect(result.certificates).toHaveLength(2);
    expect(ids(result.findings)).toEqual(['base64-pem-decoded']);
    expect(result.certificates[1]!.source).toMatchObject({ startLine: 1, endLine: 2 });
  });

  it('reads one base64 entry per line and ARM / az JSON', async () => {
    const perLine = await read({ content: `${toBase64(rsa)}\n${toBase64(ec)}\n` });
    expect(perLine.certificates.map((c) => c.source.startLine)).toEqual([1, 2]);
    const arm = JSON.stringify({
      properties: { securityProfile: { customCATrustCertificates: [toBase64(rsa), toBase64(ec)] } },
    });
    expect((await read({ content: arm })).certificates).toHaveLength(2);
    const az = JSON.stringify({ securityProfile: { customCaTrustCertificates: [toBase64(rsa)] } });
    expect((await read({ content: az })).certificates).toHaveLength(1);
  });

  it('converts DER, base64 DER and PKCS#7 (PEM and DER)', async () => {
    const der = await read({ name: 'root.cer', content: fx.bytes('rsa-root.der') });
    expect(ids(der.findings)).toEqual(['der-converted']);
    expect(der.certificates[0]!.pem).toBe(rsa);
    expect(der.certificates[0]!.source).toEqual({ file: 'root.cer' });
    expect((await read({ content: toBase64(fx.bytes('rsa-root.der')) })).certificates[0]!.pem).toBe(rsa);
    for (const name of ['bundle.p7b', 'bundle.p7b.der']) {
      const content = name.endsWith('.der') ? fx.bytes(name) : fx.text(name);
      const result = await read({ content });
      expect(result.certificates.map((c) => c.pem)).toEqual([rsa, ec]);
      expect(ids(result.findings)).toEqual(['pkcs7-converted']);
    }
  });
});

describe('intake: what cannot be fixed is an error at the line', () => {
  it('a block without its END line', async () => {
    const lines = rsa.trimEnd().split('\n');
    const result = await read({ content: `${ec}${lines.slice(0, -1).join('\n')}\n` });
    expect(finding(result, 'pem-missing-end')).toMatchObject({
      severity: 'error',
      line: ec.trimEnd().split('\n').length + 1,
    });
    expect(result.certificates).toHaveLength(1);
  });

  it('mismatched BEGIN/END labels and an END without BEGIN', async () => {
    const mismatched = rsa.replace('-----END CERTIFICATE-----', '-----END X509 CRL-----');
    expect(finding(await read({ content: mismatched }), 'pem-label-mismatch')).toMatchObject({
      severity: 'error',
      line: rsa.trimEnd().split('\n').length,
    });
    expect(finding(await read({ content: '-----END CERTIFICATE-----\n' }), 'pem-end-without-begin')).toMatchObject({
      line: 1,
    });
  });

  it('invalid base64 names the line', async () => {
    const lines = rsa.split('\n');
    lines[3] = lines[3]!.slice(0, 10) + '!' + lines[3]!.slice(11);
    expect(finding(await read({ content: lines.join('\n') }), 'invalid-base64')).toMatchObject({
      severity: 'error',
      line: 4,
    });
    const truncated = rsa.replace(/\n[^\n]*\n-----END/, '\nAB\n-----END');
    expect(finding(await read({ content: truncated }), 'invalid-base64')?.severity).toBe('error');
  });

  it('PEM headers, empty blocks and bytes that are not a certificate', async () => {
    const headers = rsa.replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\n');
    expect(finding(await read({ content: headers }), 'pem-headers')).toMatchObject({ line: 2 });
    expect(
      finding(await read({ content: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n' }), 'empty-pem-block'),
    ).toMatchObject({ line: 1 });
    const notCert = `-----BEGIN CERTIFICATE-----\n${toBase64('hello, this is not DER')}\n-----END CERTIFICATE-----\n`;
    expect(finding(await read({ content: notCert }), 'not-a-certificate')).toMatchObject({
      severity: 'error',
      line: 1,
    });
  });

  it('empty input, no certificate, binary noise and oversized input', async () => {
    expect(ids((await read({ content: '' })).findings)).toEqual(['empty-input']);
    expect(ids((await read({ content: ' \n\t\n' })).findings)).toEqual(['empty-input']);
    expect(ids((await read({ content: 'hello world\n' })).findings)).toEqual(['no-certificate']);
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(ids((await read({ content: noise })).findings)).toEqual(['not-text-or-der']);
    const started = performance.now();
    const huge = await read({ content: new Uint8Array(10 * 1024 * 1024) });
    expect(ids(huge.findings)).toEqual(['input-too-large']);
    expect(huge.findings[0]!.message).toContain('10.0 MiB');
    expect((await read({ content: 'A'.repeat(3 * 1024 * 1024) })).findings[0]!.id).toBe('input-too-large');
    expect(performance.now() - started).toBeLessThan(5_000); // refused before reading: far below this even under load
  });

  it('pathological inputs just under the limit finish quickly', { timeout: 120_000 }, async () => {
    const size = 2 * 1024 * 1024 - 16;
    const inputs = [
      '-'.repeat(size),
      '['.repeat(size),
      'A'.repeat(size),
      '-----BEGIN CERTIFICATE-----'.repeat(size / 27),
      `${'MIIB'.repeat(size / 8)}\n`.repeat(2),
    ];
    for (const content of inputs) {
      const started = performance.now();
      const result = await read({ content });
      expect(result.findings.some((item) => item.severity === 'error')).toBe(true);
      // Ceilings against super-linear blow-ups (hours at 2 MiB), not speed goals (bench:big-paste measures speed).
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });

  it('a 2 MiB bundle of repeated certificates decodes each distinct one once', { timeout: 60_000 }, async () => {
    const repeated = (rsa + ec).repeat(Math.floor((2 * 1024 * 1024) / (rsa + ec).length));
    const started = performance.now();
    const result = await read({ content: repeated });
    expect(result.wireEntries).toHaveLength(2);
    expect(result.certificates.length).toBeGreaterThan(500);
    const [rsaLines, ecLines] = [rsa, ec].map((pem) => pem.trimEnd().split('\n').length) as [number, number];
    expect(result.certificates[3]!.source.startLine).toBe(2 * rsaLines + ecLines + 1);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('non-certificate blocks are refused by kind', async () => {
    const block = (label: string) => `-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n`;
    expect(ids((await read({ content: block('CERTIFICATE REQUEST') })).findings)).toEqual(['certificate-request']);
    expect(ids((await read({ content: block('X509 CRL') })).findings)).toEqual(['crl']);
    expect(ids((await read({ content: fx.text('public.pem') })).findings)).toEqual(['public-key']);
    expect(ids((await read({ content: block('SOMETHING ELSE') })).findings)).toEqual(['unsupported-pem-block']);
  });
});
