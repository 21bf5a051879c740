import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixtures } from './fixtures';
import { finding, ids, read } from './helpers';

let fx: Fixtures;
beforeAll(async () => {
  fx = await loadFixtures();
});

const DAY = 24 * 60 * 60 * 1000;

async function lintOne(name: string, now?: Date) {
  return read({ name: `${name}.pem`, content: fx.text(`${name}.pem`) }, now);
}

describe('lint rules for a node trust store', () => {
  it('a good RSA, EC or Ed25519 root has no findings', async () => {
    for (const name of ['rsa-root', 'ec-root', 'ed25519-root', 'pss-root'])
      expect((await lintOne(name)).findings).toEqual([]);
  });

  it('not-a-ca: a leaf, and a v3 certificate without basicConstraints', async () => {
    expect(finding(await lintOne('leaf'), 'not-a-ca')).toMatchObject({
      severity: 'error',
      certificateIndex: 0,
      file: 'leaf.pem',
      line: 1,
    });
    expect(ids((await lintOne('leaf')).findings, 'error')).toEqual(['not-a-ca']);
    expect(finding(await lintOne('no-bc-root'), 'not-a-ca')!.message).toContain('no basicConstraints');
  });

  it('key-usage-missing-cert-sign, basic-constraints-not-critical, name-constraints-present', async () => {
    expect(ids((await lintOne('no-certsign-root')).findings)).toEqual(['key-usage-missing-cert-sign']);
    expect(ids((await lintOne('noncritical-bc-root')).findings)).toEqual(['basic-constraints-not-critical']);
    expect(finding(await lintOne('constrained-root'), 'name-constraints-present')).toMatchObject({ severity: 'info' });
  });

  it('expired, not yet valid, and expiring within 30 or 7 days (time is an argument)', async () => {
    expect(finding(await lintOne('expired-root'), 'expired')?.severity).toBe('error');
    expect(finding(await lintOne('future-root'), 'not-yet-valid')?.severity).toBe('warning');
    const root = (await lintOne('rsa-root')).certificates[0]!;
    const notAfter = Date.parse(root.notAfter);
    const in20Days = finding(await lintOne('rsa-root', new Date(notAfter - 20 * DAY)), 'expiring-soon')!;
    expect(in20Days).toMatchObject({ severity: 'warning' });
    expect(in20Days.message).toContain('within 30 days');
    expect(finding(await lintOne('rsa-root', new Date(notAfter - 3 * DAY)), 'expiring-soon')!.message).toContain(
      'within 7 days',
    );
    expect(finding(await lintOne('rsa-root', new Date(notAfter + DAY)), 'expired')?.severity).toBe('error');
    expect(
      finding(await lintOne('rsa-root', new Date(Date.parse(root.notBefore) - DAY)), 'not-yet-valid'),
    ).toBeDefined();
  });

  it('weak and unsupported keys', async () => {
    expect(ids((await lintOne('rsa1024-root')).findings)).toEqual(['rsa-key-too-small']);
    expect(ids((await lintOne('k1-root')).findings)).toEqual(['ec-curve-not-allowed']);
    expect(ids((await lintOne('dsa-root')).findings, 'error')).toEqual(['key-type-not-allowed']);
  });

  it('MD5 is an error; SHA-1 is a warning on a self-signed root and an error on an intermediate', async () => {
    expect(ids((await lintOne('md5-root')).findings)).toEqual(['md5-signature']);
    expect(finding(await lintOne('sha1-root'), 'sha1-signature')?.severity).toBe('warning');
    expect(finding(await lintOne('sha1-intermediate'), 'sha1-signature')?.severity).toBe('error');
  });

  it('version 1 is a warning (not also not-a-ca); a tampered self-signature is a warning', async () => {
    expect(ids((await lintOne('v1-root')).findings)).toEqual(['old-version']);
    expect(finding(await lintOne('tampered-root'), 'self-signature-invalid')?.severity).toBe('warning');
  });
});

describe('bundle rules', () => {
  it('a duplicate is a warning, kept once in the caBundle, and not linted twice', async () => {
    const md5 = fx.text('md5-root.pem');
    const result = await read([
      { name: 'a.pem', content: md5 },
      { name: 'b.pem', content: `\n\n${md5}` },
    ]);
    expect(result.certificates).toHaveLength(2);
    expect(result.wireEntries).toHaveLength(1);
    expect(ids(result.findings)).toEqual(['md5-signature', 'duplicate']);
    expect(finding(result, 'duplicate')).toMatchObject({ certificateIndex: 1, file: 'b.pem', line: 3 });
  });

  it('more than 10 different certificates is an error at the 11th', async () => {
    const names = [
      'rsa-root',
      'ec-root',
      'ed25519-root',
      'intermediate',
      'constrained-root',
      'noncritical-bc-root',
      'sha1-root',
      'v1-root',
      'expired-root',
      'future-root',
      'no-certsign-root',
    ];
    const result = await read(names.map((name) => ({ name, content: fx.text(`${name}.pem`) })));
    expect(finding(result, 'too-many-certificates')).toMatchObject({
      severity: 'error',
      certificateIndex: 10,
      file: 'no-certsign-root',
    });
    const ten = await read(names.slice(0, 10).map((name) => ({ name, content: fx.text(`${name}.pem`) })));
    expect(finding(ten, 'too-many-certificates')).toBeUndefined();
  });

  it('an intermediate whose issuer is missing is info; present issuer is silent', async () => {
    expect(finding(await lintOne('intermediate'), 'issuer-not-in-bundle')?.severity).toBe('info');
    const withRoot = await read({ content: fx.text('rsa-root.pem') + fx.text('intermediate.pem') });
    expect(finding(withRoot, 'issuer-not-in-bundle')).toBeUndefined();
  });

  it('every finding has a stable id, a severity and one sentence', async () => {
    const result = await read(
      ['leaf', 'md5-root', 'k1-root', 'expired-root'].map((name) => ({ name, content: fx.text(`${name}.pem`) })),
    );
    for (const item of result.findings) {
      expect(item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(item.severity);
      expect(item.message).toMatch(/^[A-Z"].*\.$/);
    }
  });
});

describe('validityStatus (the card label)', () => {
  it('uses the same thresholds as the expiry findings', async () => {
    const { validityStatus } = await import('../validity-status');
    const certificate = { notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2026-03-01T00:00:00.000Z' };
    const at = (iso: string) => validityStatus(certificate, new Date(iso));
    expect(at('2025-12-31T00:00:00Z')).toBe('not-yet-valid');
    expect(at('2026-01-15T00:00:00Z')).toBe('ok');
    expect(at('2026-02-10T00:00:00Z')).toBe('expiring');
    expect(at('2026-02-25T00:00:00Z')).toBe('critical');
    expect(at('2026-03-02T00:00:00Z')).toBe('expired');
  });
});
