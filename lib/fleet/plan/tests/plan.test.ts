/** planFleetChange over inventory-shaped clusters with real certificates. */
import { beforeAll, describe, expect, it } from 'vitest';
import { planFleetChange } from '../plan';
import { defaultTarget, nameGlob } from '../target';
import type { FleetChange, FleetTarget } from '../types';
import { NOW, cas, cluster, sha256Of, windowsPool, type Cas } from './plan-fixtures';

let c: Cas;
let s: Record<keyof Omit<Cas, 'extra'>, string>;
beforeAll(async () => {
  c = await cas();
  s = {
    root: sha256Of(c.root),
    expiring: sha256Of(c.expiring),
    successor: sha256Of(c.successor),
    other: sha256Of(c.other),
    expired: sha256Of(c.expired),
  };
});

const plan = (
  clusters: Parameters<typeof planFleetChange>[0]['clusters'],
  change: FleetChange,
  target: FleetTarget = {},
  access?: Parameters<typeof planFleetChange>[0]['access'],
) => planFleetChange({ clusters, change, target, now: NOW, ...(access ? { access } : {}) });

describe('planFleetChange', () => {
  it('replaces a CA in place, only on clusters that trust it, with diffs, impact and totals', async () => {
    const clusters = [
      cluster('aks-b', [c.root, c.expiring]),
      cluster('aks-a', [c.expiring], { tenant: 'Fabrikam' }),
      cluster('aks-c', [c.root]),
    ];
    const result = await plan(clusters, { kind: 'replace', from: s.expiring.toUpperCase(), to: c.successor });
    expect(result.clusters.map((p) => p.ref.name)).toEqual(['aks-b', 'aks-c', 'aks-a']); // Contoso before Fabrikam
    const [b, cc, a] = result.clusters;
    expect(b!.before).toEqual([s.root, s.expiring]);
    expect(b!.after).toEqual([s.root, s.successor]);
    expect(b!.added).toEqual([s.successor]);
    expect(b!.removed).toEqual([s.expiring]);
    expect(b!.block).toBeNull();
    expect(b!.machinesReplaced).toBe(8);
    expect(b!.pools).toEqual([
      { name: 'system', count: 3, replaced: true },
      { name: 'apps', count: 5, replaced: true },
    ]);
    expect(a!.after).toEqual([s.successor]);
    expect(cc!.block?.reason).toBe('nothing-to-change');
    expect(result.totals).toEqual({
      clusters: 3,
      toApply: 2,
      blocked: 1,
      machinesReplaced: 16,
      blockedBy: { 'nothing-to-change': 1 },
    });
    expect(Object.keys(result.certificates).sort()).toEqual([s.root, s.expiring, s.successor].sort());
    expect(result.change).toMatchObject({ kind: 'replace', from: s.expiring });
    // Only the expiring CA's warning: lint ran on the result, which no longer holds it.
    expect(b!.findings.filter((f) => f.sha256 === s.expiring)).toEqual([]);
  });

  it('a rotation with no target named is for the clusters that trust the old CA', () => {
    expect(defaultTarget({ kind: 'replace', from: 'AB', to: '' }, {})).toEqual({ trusts: 'ab' });
    expect(defaultTarget({ kind: 'replace', from: 'ab', to: '' }, { name: 'x*' })).toEqual({
      name: 'x*',
      trusts: 'ab',
    });
    expect(defaultTarget({ kind: 'replace', from: 'ab', to: '' }, { missing: 'cd' })).toEqual({ missing: 'cd' });
    expect(defaultTarget({ kind: 'add', certificates: [] }, {})).toEqual({});
  });

  it('adds only what is missing, removes by SHA-256, and makes a baseline exact', async () => {
    const clusters = [cluster('one', [c.root, c.other]), cluster('two', [c.other, c.other])];
    const add = await plan(clusters, { kind: 'add', certificates: [c.root, c.successor, c.successor] });
    expect(add.clusters[0]!.after).toEqual([s.root, s.other, s.successor]);
    expect(add.clusters[1]!.before).toEqual([s.other, s.other]);
    expect(add.clusters[1]!.after).toEqual([s.other, s.root, s.successor]);

    const remove = await plan(clusters, { kind: 'remove', sha256: [s.other] });
    expect(remove.clusters[0]!.after).toEqual([s.root]);
    expect(remove.clusters[1]!.after).toEqual([]);
    expect(remove.clusters[1]!.removed).toEqual([s.other]);
    expect(remove.clusters[1]!.block).toBeNull();

    const baseline = await plan(clusters, { kind: 'baseline', certificates: [c.other, c.root] });
    expect(baseline.clusters[0]!.block?.reason).toBe('nothing-to-change');
    expect(baseline.clusters[1]!.after).toEqual([s.other, s.root]);
    expect(baseline.clusters[1]!.added).toEqual([s.root]);
  });

  it('selects by trusts, missing, tenant, subscription, name glob and explicit ids', async () => {
    const clusters = [
      cluster('aks-web-prod', [c.root]),
      cluster('aks-web-dev', [c.root, c.expiring], { subscription: 'dev' }),
      cluster('aks-data', [c.other], { tenant: 'Fabrikam' }),
    ];
    const names = async (target: FleetTarget) =>
      (await plan(clusters, { kind: 'add', certificates: [c.successor] }, target)).clusters.map((p) => p.ref.name);
    expect(await names({ trusts: s.expiring })).toEqual(['aks-web-dev']);
    expect(await names({ missing: s.root })).toEqual(['aks-data']);
    expect(await names({ tenantId: 'TENANT-FABRIKAM' })).toEqual(['aks-data']);
    expect(await names({ subscriptionId: 'sub-contoso-dev' })).toEqual(['aks-web-dev']);
    expect(await names({ name: 'AKS-WEB-*' })).toEqual(['aks-web-dev', 'aks-web-prod']);
    expect(await names({ name: 'aks-web-pro?' })).toEqual(['aks-web-prod']);
    expect(await names({ clusterIds: [clusters[2]!.id.toUpperCase()] })).toEqual(['aks-data']);
    expect(await names({ name: 'aks-web-*', missing: s.expiring })).toEqual(['aks-web-prod']);
    expect(nameGlob('a.b').test('axb')).toBe(false);
  });

  it('blocks with reasons: stopped, operation running, no write permission, Windows only, too many, errors', async () => {
    const clusters = [
      cluster('stopped', [c.root], { powerState: 'Stopped' }),
      cluster('updating', [c.root], { provisioningState: 'Updating' }),
      cluster('reader', [c.root]),
      cluster('windows', [c.root], { agentPools: [windowsPool('win', 3)] }),
      cluster('mixed', [c.root], { agentPools: [windowsPool('win', 3), cluster('x', []).agentPools[0]!] }),
      cluster('full', [c.root, ...c.extra.slice(0, 9)]),
      cluster('expired', [c.root, c.expired]),
      cluster('failed', [c.root], { provisioningState: 'Failed' }),
    ];
    const access = (id: string): 'read' | 'write' => (id.endsWith('/reader') ? 'read' : 'write');
    const result = await plan(clusters, { kind: 'add', certificates: [c.successor] }, {}, access);
    const reasons = Object.fromEntries(result.clusters.map((p) => [p.ref.name, p.block?.reason ?? null]));
    expect(reasons).toEqual({
      stopped: 'cluster-stopped',
      updating: 'operation-running',
      reader: 'no-write-permission',
      windows: 'windows-only',
      mixed: null,
      full: 'too-many-certificates',
      expired: 'certificate-errors',
      failed: null,
    });
    const mixed = result.clusters.find((p) => p.ref.name === 'mixed')!;
    expect(mixed.machinesReplaced).toBe(3);
    expect(mixed.pools).toEqual([
      { name: 'win', count: 3, replaced: false },
      { name: 'system', count: 3, replaced: true },
    ]);
    const expired = result.clusters.find((p) => p.ref.name === 'expired')!;
    expect(expired.findings.find((f) => f.id === 'expired')).toMatchObject({ sha256: s.expired, severity: 'error' });
    expect(expired.block!.message).toMatch(/expired/);
    expect(result.clusters.find((p) => p.ref.name === 'stopped')!.block!.message).toMatch(/az aks start/);
    expect(result.totals.toApply).toBe(2);
    expect(result.totals.machinesReplaced).toBe(3 + 8);
    expect(result.totals.blockedBy).toEqual({
      'cluster-stopped': 1,
      'operation-running': 1,
      'no-write-permission': 1,
      'windows-only': 1,
      'too-many-certificates': 1,
      'certificate-errors': 1,
    });
  });

  it('a change certificate lib/pki refuses blocks every cluster; an unreadable current entry blocks that cluster', async () => {
    const bad = await plan([cluster('one', [c.root])], {
      kind: 'add',
      certificates: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
    });
    expect(bad.clusters[0]!.block?.reason).toBe('certificate-errors');
    expect(bad.clusters[0]!.after).toEqual([s.root]);
    const unreadable = await plan([cluster('two', [c.root, 'not a certificate'])], {
      kind: 'add',
      certificates: [c.successor],
    });
    expect(unreadable.clusters[0]!.block?.reason).toBe('not-readable');
    expect(unreadable.clusters[0]!.before).toEqual([s.root]);
  });
});
