import { beforeAll, describe, expect, it } from 'vitest';
import { diffBundles } from '../diff';
import { readCaBundle } from '../read-ca-bundle';
import { toAksPayload, toAzFile, toTerraformList } from '../payload';
import type { CertificateInfo } from '../types';
import { loadFixtures, type Fixtures } from './fixtures';
import { ids, NOW, read, toBase64 } from './helpers';

let fx: Fixtures;
let rsa: string;
let ec: string;
let ed: string;
beforeAll(async () => {
  fx = await loadFixtures();
  [rsa, ec, ed] = ['rsa-root.pem', 'ec-root.pem', 'ed25519-root.pem'].map((name) => fx.text(name)) as [
    string,
    string,
    string,
  ];
});

describe('AKS payload', () => {
  it('is one canonical PEM per entry: LF, 64-character lines, trailing newline', async () => {
    const messy = (rsa + ec).replace(/\n/g, '\r\n').replace(/^/, '\ufeff# comment\r\n');
    const result = await read({ content: messy });
    const decoded = result.wireEntries.map((entry) => Buffer.from(entry, 'base64').toString('utf8'));
    expect(decoded).toEqual([rsa, ec]);
    for (const pem of decoded) {
      expect(pem.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
      expect(
        pem
          .split('\n')
          .slice(1, -3)
          .every((line) => line.length === 64),
      ).toBe(true);
    }
  });

  it('gives bytes for the SDK and base64 for the wire', async () => {
    const { certificates } = await read({ content: rsa });
    const payload = toAksPayload(certificates);
    expect(new TextDecoder().decode(payload.bytes[0])).toBe(rsa);
    expect(payload.base64[0]).toBe(toBase64(rsa));
  });

  it('exports the az file (blank-line separated) and the terraform list', async () => {
    const { certificates, wireEntries } = await read({ content: rsa + ec });
    expect(toAzFile(certificates)).toBe(`${rsa}\n${ec}`);
    expect(toAzFile(certificates).split('\n\n')).toHaveLength(2);
    expect(toTerraformList(wireEntries)).toBe(`[\n  "${wireEntries[0]}",\n  "${wireEntries[1]}",\n]\n`);
    expect(toTerraformList([])).toBe('[]\n');
  });

  it('round-trips: entries back to the same certificates', async () => {
    const first = await read({ content: rsa + ec });
    const back = await readCaBundle(first.wireEntries, { now: NOW });
    expect(back.certificates.map((c) => c.sha256)).toEqual(first.certificates.map((c) => c.sha256));
    expect(back.findings).toEqual([
      { id: 'base64-pem-decoded', severity: 'info', message: expect.any(String), file: 'entry 1', line: 1 },
      expect.objectContaining({ file: 'entry 2' }),
    ]);
    const sdk = await readCaBundle(toAksPayload(first.certificates).bytes, { now: NOW });
    expect(sdk.findings).toEqual([]);
  });

  it('tolerates what other tools wrote: several certificates in one entry, CRLF, no trailing newline', async () => {
    const entries = [toBase64(rsa + ec), toBase64(ed.replace(/\n/g, '\r\n').trimEnd())];
    const result = await readCaBundle(entries, { now: NOW });
    expect(result.certificates.map((c) => c.displayName)).toEqual([
      'Contoso RSA Root',
      'Contoso EC Root',
      'Contoso Ed25519 Root',
    ]);
    expect(ids(result.findings, 'error')).toEqual([]);
    expect(result.wireEntries).toHaveLength(3);
    const bad = await readCaBundle(['dGVzdGNlcnQ='], { now: NOW });
    expect(bad.findings[0]).toMatchObject({ severity: 'error', file: 'entry 1' });
  });
});

describe('bundle diff', () => {
  let certificates: Record<string, CertificateInfo>;
  beforeAll(async () => {
    const result = await read(
      ['rsa-root', 'ec-root', 'ed25519-root', 'sha1-root'].map((name) => ({ name, content: fx.text(`${name}.pem`) })),
    );
    certificates = Object.fromEntries(result.certificates.map((c) => [c.source.file!, c]));
  });

  it('ignores order, duplicates and encoding', async () => {
    const current = await read({ content: rsa + ec });
    const proposed = await read([{ content: fx.bytes('bundle.p7b.der') }, { content: toBase64(ec) }]);
    const diff = diffBundles(current.certificates, [...proposed.certificates].reverse());
    expect(diff).toMatchObject({ added: [], removed: [], rotated: [] });
    expect(diff.unchanged).toHaveLength(2);
  });

  it('reports added and removed', () => {
    const diff = diffBundles([certificates['rsa-root']!], [certificates['ec-root']!]);
    expect(diff.added.map((c) => c.displayName)).toEqual(['Contoso EC Root']);
    expect(diff.removed.map((c) => c.displayName)).toEqual(['Contoso RSA Root']);
  });

  it('pairs a probable rotation: same subject and key identifier, or same subject with a later notAfter', () => {
    const old = certificates['rsa-root']!;
    const renewedSameKey = { ...old, sha256: 'b'.repeat(64), notAfter: '2040-01-01T00:00:00.000Z' };
    const byKey = diffBundles([old], [renewedSameKey]);
    expect(byKey.rotated).toEqual([{ from: old, to: renewedSameKey, reason: 'same-subject-and-key-identifier' }]);
    expect(byKey.added).toEqual([]);
    const renewedNewKey = {
      ...old,
      sha256: 'c'.repeat(64),
      subjectKeyIdentifier: 'ff',
      notAfter: '2045-01-01T00:00:00.000Z',
    };
    expect(diffBundles([old], [renewedNewKey]).rotated[0]?.reason).toBe('same-subject-later-expiry');
    const olderNewKey = { ...renewedNewKey, notAfter: '2001-01-01T00:00:00.000Z' };
    expect(diffBundles([old], [olderNewKey])).toMatchObject({ rotated: [], added: [olderNewKey], removed: [old] });
  });
});
