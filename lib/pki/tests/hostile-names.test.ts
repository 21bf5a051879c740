import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate } from '@/emulator/certs/x509';
import { visibleText } from '../visible-text';
import { ids, read } from './helpers';

/** Issue 10, point 2 (the lib side): hostile names get a warning with the escaped form; long names stay linear. */
describe('hostile certificate names', () => {
  it.each([
    ['a right-to-left override in the CN', 'CN=Contoso \u202Egpj.exe Root', '\\u202E'],
    ['an isolate and a left-to-right mark', 'CN=Contoso\u2066 Root\u200E, O=Contoso', '\\u2066'],
    ['a zero-width space', 'CN=Con\u200Btoso Root', '\\u200B'],
    ['an Arabic letter mark in O', 'CN=Contoso Root, O=Con\u061Ctoso', '\\u061C'],
    ['a control character', 'CN=Contoso\u0007 Root', '\\u0007'],
  ])(
    '%s: name-has-control-characters, with the escaped form and never the raw character',
    async (_, subject, escaped) => {
      const ca = await createCertificateAuthority({ subject });
      const result = await read({ name: 'pasted text', content: ca.certPem });
      expect(result.certificates).toHaveLength(1);
      const finding = result.findings.find((item) => item.id === 'name-has-control-characters')!;
      expect(finding.severity).toBe('warning');
      expect(finding.certificateIndex).toBe(0);
      expect(finding.message).toContain(escaped);
      expect(finding.message).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]/);
      for (const item of result.findings) expect(visibleText(item.message)).toBe(item.message);
    },
  );

  it('a control character in a SAN DNS name is flagged too', async () => {
    const ca = await createCertificateAuthority({ subject: 'CN=Contoso SAN Root' });
    const leaf = await issueCertificate({ subject: 'CN=api', dnsNames: ['api\u0001.contoso.example'] }, ca);
    const result = await read({ name: 'pasted text', content: leaf.certPem });
    expect(result.certificates[0]!.subjectAltNames).toEqual(['DNS:api\u0001.contoso.example']);
    expect(ids(result.findings)).toContain('name-has-control-characters');
  });

  it('plain names, accents and other scripts are not flagged', async () => {
    const ca = await createCertificateAuthority({ subject: 'CN=Zürich Ωμέγα 日本 עברית Root, O=Contoso' });
    const result = await read({ name: 'pasted text', content: ca.certPem });
    expect(ids(result.findings)).not.toContain('name-has-control-characters');
  });

  it('a 64 KB CN is read in linear time and named shortened in messages', { timeout: 60_000 }, async () => {
    const ca = await createCertificateAuthority({ subject: `CN=${'a\u202e'.repeat(32 * 1024)}` });
    const started = performance.now();
    const result = await read({ name: 'pasted text', content: ca.certPem.repeat(3) });
    // A ceiling against quadratic work (minutes on 64 KB), not a speed goal: it holds on a loaded machine.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.certificates[0]!.displayName.length).toBe(64 * 1024);
    for (const finding of result.findings) expect(finding.message.length).toBeLessThan(1000);
    expect(ids(result.findings)).toContain('name-has-control-characters');
  });
});
