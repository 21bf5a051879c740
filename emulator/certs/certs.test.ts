import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate, loadCertificateAuthority } from './index';

const DAY = 24 * 60 * 60 * 1000;

describe('certificate helpers', () => {
  it('creates a CA that Node accepts as a CA, and issues a leaf it signed', async () => {
    const ca = await createCertificateAuthority({ subject: 'CN=Test Root, O=Tests', keyAlgorithm: 'RSA-2048' });
    const root = new X509Certificate(ca.certPem);
    expect(root.ca).toBe(true);
    expect(root.subject).toContain('CN=Test Root');
    expect(root.checkIssued(root)).toBe(true);
    expect(ca.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const leaf = await issueCertificate(
      { subject: 'CN=svc', dnsNames: ['svc.local'], ipAddresses: ['10.0.0.1', '::1'] },
      ca,
    );
    const node = new X509Certificate(leaf.certPem);
    expect(node.ca).toBe(false);
    expect(node.checkIssued(root)).toBe(true);
    expect(node.verify(root.publicKey)).toBe(true);
    expect(node.subjectAltName).toContain('DNS:svc.local');
    expect(node.subjectAltName).toContain('IP Address:10.0.0.1');
    expect(node.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
  });

  it('accepts any validity: expired, soon-expiring, not yet valid', async () => {
    const ca = await createCertificateAuthority();
    const now = Date.now();
    const expired = await issueCertificate(
      {
        subject: 'CN=Expired CA',
        isCA: true,
        notBefore: new Date(now - 400 * DAY),
        notAfter: new Date(now - 10 * DAY),
      },
      ca,
    );
    expect(new Date(new X509Certificate(expired.certPem).validTo).getTime()).toBeLessThan(now);
    const soon = await issueCertificate({ subject: 'CN=Soon', isCA: true, notAfter: new Date(now + 20 * DAY) });
    const soonCert = new X509Certificate(soon.certPem);
    expect(soonCert.ca).toBe(true);
    expect(soonCert.checkIssued(soonCert)).toBe(true); // self-signed without an issuer
    await expect(
      issueCertificate({ subject: 'CN=Bad', notBefore: new Date(now), notAfter: new Date(now - DAY) }),
    ).rejects.toThrow(/notAfter/);
  });

  it('reloads a CA from PEM and keeps issuing with it', async () => {
    const ca = await createCertificateAuthority({ keyAlgorithm: 'EC-P256' });
    const reloaded = await loadCertificateAuthority(ca.certPem, ca.keyPem);
    const leaf = await issueCertificate({ subject: 'CN=again' }, reloaded);
    expect(new X509Certificate(leaf.certPem).verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
  });
});
