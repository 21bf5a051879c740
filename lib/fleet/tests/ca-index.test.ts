import { describe, expect, it } from 'vitest';
import { buildCaIndex, daysLeft, findCa, keyDescription } from '../ca-index';
import { CLUSTERS, EXPIRED, NOW, ROOT, SOON } from './fleet-fixtures';

describe('buildCaIndex', () => {
  const index = buildCaIndex(CLUSTERS, NOW);

  it('lists each distinct CA once, by SHA-256, with the clusters that trust it', () => {
    expect(index.map((ca) => ca.displayName)).toEqual(['Contoso Root CA', 'Contoso Staging CA', 'Fabrikam Legacy CA']);
    expect(findCa(index, ROOT.sha256)!.clusters.map((c) => c.name)).toEqual(['aks-pay', 'aks-web']);
    // aks-stage lists the staging CA twice: it counts once.
    expect(findCa(index, SOON.sha256)!.clusters.map((c) => c.name)).toEqual(['aks-web', 'aks-stage']);
    expect(findCa(index, EXPIRED.sha256)!.clusters.map((c) => c.name)).toEqual(['aks-core']);
  });

  it('carries name, issuer, notAfter, expiry label, days left and key', () => {
    const soon = findCa(index, SOON.sha256)!;
    expect(soon).toMatchObject({
      issuer: 'CN=Contoso Staging CA, O=Example',
      notAfter: SOON.notAfter,
      status: 'expiring',
      daysLeft: 20,
      keyDescription: 'EC P-256',
      sha1: 'b'.repeat(40),
    });
    expect(findCa(index, EXPIRED.sha256)).toMatchObject({ status: 'expired', daysLeft: -12 });
    expect(findCa(index, ROOT.sha256)).toMatchObject({ status: 'ok', keyDescription: 'RSA 2048 bits' });
  });

  it('treats fingerprints case-insensitively and finds one with colons', () => {
    const upper = buildCaIndex(
      [{ ...CLUSTERS[0]!, certificates: [{ ...ROOT, sha256: ROOT.sha256.toUpperCase() }] }],
      NOW,
    );
    expect(upper[0]!.sha256).toBe(ROOT.sha256);
    const colons = ROOT.sha256.toUpperCase().match(/../g)!.join(':');
    expect(findCa(index, colons)?.displayName).toBe('Contoso Root CA');
    expect(findCa(index, 'f'.repeat(64))).toBeUndefined();
  });

  it('is empty for a fleet without custom CAs', () => {
    expect(buildCaIndex([CLUSTERS[4]!], NOW)).toEqual([]);
  });
});

describe('small helpers', () => {
  it('rounds days left like "expires in N days", never -0', () => {
    expect(daysLeft(new Date(NOW.getTime() + 20.4 * 86_400_000).toISOString(), NOW)).toBe(20);
    expect(Object.is(daysLeft(new Date(NOW.getTime() - 1000).toISOString(), NOW), 0)).toBe(true);
  });
  it('describes keys', () => {
    expect(keyDescription({ algorithm: 'Ed25519' })).toBe('Ed25519');
    expect(keyDescription({ algorithm: 'EC', size: 384, curve: 'P-384' })).toBe('EC P-384');
  });
});
