import { describe, expect, it } from 'vitest';
import type { ClusterSummary, SubscriptionSummary } from '../clusters/types';
import { agentPool } from '../clusters/testing/agent-pool';
import { toClusterRow, type ClusterTrust } from './cluster-row';
import { relativeExpiry } from './expiry';
import { validityStatus } from '../pki/validity-status';
import { DEFAULT_VIEW, filterRows, parseView, sortRows, viewToParams } from './view';

const NOW = new Date('2026-11-29T12:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

const subscription: SubscriptionSummary = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  displayName: 'contoso-prod',
  tenantId: 't1',
  state: 'Enabled',
};

function cluster(name: string, overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    id: `/subscriptions/${subscription.subscriptionId}/resourceGroups/rg-${name}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    subscriptionId: subscription.subscriptionId,
    resourceGroup: `rg-${name}`,
    name,
    location: 'westeurope',
    eTag: 'e1',
    provisioningState: 'Succeeded',
    powerState: 'Running',
    kubernetesVersion: '1.33.2',
    agentPools: [agentPool({ name: 'system', vmSize: 'Standard_D4s_v5' })],
    caBundle: [],
    ...overrides,
  };
}

const trustOf = (...notAfters: number[]): ClusterTrust => ({
  certificates: notAfters.map((n, i) => ({ displayName: `CA ${i}`, notBefore: days(-365), notAfter: days(n) })),
  findings: notAfters
    .filter((n) => n < 0)
    .map(() => ({ id: 'expired', severity: 'error' as const, message: 'CA has expired.' })),
});

describe('expiry', () => {
  it.each([
    [-1, 'expired'],
    [3, 'critical'],
    [7, 'critical'],
    [20, 'expiring'],
    [30, 'expiring'],
    [31, 'ok'],
  ])('%i days left is %s', (n, status) => {
    expect(validityStatus({ notBefore: days(-10), notAfter: days(n) }, NOW)).toBe(status);
  });
  it('a certificate not valid yet says so', () => {
    expect(validityStatus({ notBefore: days(2), notAfter: days(400) }, NOW)).toBe('not-yet-valid');
  });
  it('speaks relative time', () => {
    expect(relativeExpiry(days(23), NOW)).toBe('expires in 23 days');
    expect(relativeExpiry(days(-3), NOW)).toBe('expired 3 days ago');
    expect(relativeExpiry(days(1), NOW)).toBe('expires in 1 day');
  });
});

describe('toClusterRow', () => {
  it('derives CA count, earliest expiry, error findings, pools and nodes', () => {
    const withWindows = cluster('mixed', {
      agentPools: [
        ...cluster('x').agentPools,
        {
          name: 'win',
          count: 2,
          vmSize: 'Standard_D4s_v5',
          osType: 'Windows',
          osSku: 'Windows2022',
          mode: 'User',
          type: 'VirtualMachineScaleSets',
          provisioningState: 'Succeeded',
          powerState: 'Running',
          maxSurge: '10%',
        },
      ],
    });
    const row = toClusterRow(withWindows, subscription, trustOf(400, -2, 20), NOW);
    expect(row).toMatchObject({
      caCount: 3,
      earliestExpiry: { displayName: 'CA 1', status: 'expired' },
      caErrorCount: 1,
      caProblems: ['CA has expired.'],
      linuxAgentPoolCount: 1,
      windowsAgentPoolCount: 1,
      machineCount: 5,
      subscriptionName: 'contoso-prod',
    });
  });

  it('a cluster without custom CAs has no expiry', () => {
    expect(toClusterRow(cluster('plain'), subscription, trustOf(), NOW)).toMatchObject({
      caCount: 0,
      earliestExpiry: null,
      caErrorCount: 0,
    });
  });
});

describe('inventory view', () => {
  const rows = [
    toClusterRow(cluster('alpha'), subscription, trustOf(400), NOW),
    toClusterRow(cluster('bravo', { provisioningState: 'Failed' }), subscription, trustOf(10), NOW),
    toClusterRow(cluster('charlie'), subscription, trustOf(), NOW),
    toClusterRow(cluster('delta'), subscription, trustOf(-5), NOW),
  ];

  it('sorts by earliest expiry first, clusters without CAs last, in both directions', () => {
    expect(sortRows(rows, DEFAULT_VIEW).map((r) => r.name)).toEqual(['delta', 'bravo', 'alpha', 'charlie']);
    expect(sortRows(rows, { ...DEFAULT_VIEW, dir: 'desc' }).map((r) => r.name)).toEqual([
      'alpha',
      'bravo',
      'delta',
      'charlie',
    ]);
  });

  it('filters by search, state and expiry', () => {
    expect(filterRows(rows, { ...DEFAULT_VIEW, q: 'ALP' }).map((r) => r.name)).toEqual(['alpha']);
    expect(filterRows(rows, { ...DEFAULT_VIEW, state: 'Failed' }).map((r) => r.name)).toEqual(['bravo']);
    expect(filterRows(rows, { ...DEFAULT_VIEW, expiry: 'attention' }).map((r) => r.name)).toEqual(['bravo', 'delta']);
    expect(filterRows(rows, { ...DEFAULT_VIEW, expiry: 'none' }).map((r) => r.name)).toEqual(['charlie']);
  });

  it('round-trips through the URL and ignores nonsense', () => {
    const view = {
      ...DEFAULT_VIEW,
      q: 'prod',
      expiry: 'expired' as const,
      sort: 'name' as const,
      dir: 'desc' as const,
    };
    expect(parseView(viewToParams(view))).toEqual(view);
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe('');
    expect(parseView(new URLSearchParams('sort=evil&expiry=soon&dir=up'))).toEqual(DEFAULT_VIEW);
  });

  it('filters and sorts by tenant, and keeps the tenant in the URL', () => {
    const other = { ...subscription, subscriptionId: '00000000-aaaa-4000-8000-000000000003', tenantId: 't2' };
    const mixed = [
      ...rows,
      toClusterRow(cluster('echo', { subscriptionId: other.subscriptionId }), other, trustOf(3), NOW, 'Fabrikam'),
    ];
    expect(mixed.map((r) => r.tenantName)).toEqual(['t1', 't1', 't1', 't1', 'Fabrikam']);
    expect(filterRows(mixed, { ...DEFAULT_VIEW, tenant: 't2' }).map((r) => r.name)).toEqual(['echo']);
    expect(sortRows(mixed, { ...DEFAULT_VIEW, sort: 'tenant' }).map((r) => r.name)).toEqual([
      'echo',
      'alpha',
      'bravo',
      'charlie',
      'delta',
    ]);
    expect(parseView(viewToParams({ ...DEFAULT_VIEW, tenant: 't2', sort: 'tenant' }))).toMatchObject({
      tenant: 't2',
      sort: 'tenant',
    });
  });
});
