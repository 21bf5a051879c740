import { describe, expect, it } from 'vitest';
import { normalizeHex, normalizeSha256, toFleetCluster, whoTrusts } from '..';
import { CLUSTERS, EXPIRED, ROOT } from './fleet-fixtures';

describe('who trusts a CA', () => {
  it('splits the fleet into trusting and missing, in the fleet order, whatever the fingerprint spelling', () => {
    const colons = (normalizeHex(ROOT.sha256)!.match(/../g) ?? []).join(':').toUpperCase();
    const answer = whoTrusts(CLUSTERS, colons);
    expect(answer.sha256).toBe(ROOT.sha256);
    expect(answer.certificate?.displayName).toBe(ROOT.displayName);
    const holds = (c: (typeof CLUSTERS)[number]) => c.certificates.some((x) => x.sha256 === ROOT.sha256);
    expect(answer.trusting.length).toBe(CLUSTERS.filter(holds).length);
    expect(answer.missing.length).toBe(CLUSTERS.length - answer.trusting.length);
    expect(answer.trusting.every(holds)).toBe(true);
    expect(answer.missing.some(holds)).toBe(false);
    expect(whoTrusts(CLUSTERS, EXPIRED.sha256).trusting.map((c) => c.name)).toEqual(
      CLUSTERS.filter((c) => c.certificates.includes(EXPIRED))
        .map((c) => c.name)
        .sort(),
    );
  });

  it('answers no certificate and no trusting cluster for a CA nobody holds', () => {
    const answer = whoTrusts(CLUSTERS, 'f'.repeat(64));
    expect(answer.certificate).toBeNull();
    expect(answer.trusting).toEqual([]);
    expect(answer.missing).toHaveLength(CLUSTERS.length);
  });
});

describe('one fingerprint normaliser', () => {
  it('accepts colons, spaces, dots, dashes and any case; a SHA-256 is 64 digits', () => {
    expect(normalizeHex(' AB:cd ef ')).toBe('abcdef');
    expect(normalizeHex('not hex')).toBeNull();
    expect(normalizeSha256('AA:'.repeat(31) + 'AA')).toBe('a'.repeat(64));
    expect(normalizeSha256('a'.repeat(63))).toBeNull();
    expect(normalizeSha256('a'.repeat(40))).toBeNull();
  });
});

describe('toFleetCluster', () => {
  it('is the one shape for page and CLI: where it lives, its ARM facts when given, its CAs', () => {
    const cluster = toFleetCluster(
      {
        id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c',
        name: 'c',
        resourceGroup: 'rg',
        subscriptionId: 's',
        location: 'westeurope',
        kubernetesVersion: '1.33.2',
        provisioningState: 'Succeeded',
      },
      { tenantId: 't', tenantName: 'Contoso', subscriptionName: 'prod' },
      [ROOT],
    );
    expect(cluster).toEqual({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c',
      name: 'c',
      resourceGroup: 'rg',
      subscriptionId: 's',
      subscriptionName: 'prod',
      tenantId: 't',
      tenantName: 'Contoso',
      location: 'westeurope',
      kubernetesVersion: '1.33.2',
      provisioningState: 'Succeeded',
      certificates: [ROOT],
    });
  });
});
