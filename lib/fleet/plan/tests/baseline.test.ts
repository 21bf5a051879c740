import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../../../emulator/certs';
import { baselineDrift, matchBaseline, readBaseline } from '../baseline';
import { planFleetChange } from '../plan';
import { NOW, cas, cluster, sha256Of, type Cas } from './plan-fixtures';

let c: Cas;
beforeAll(async () => {
  c = await cas();
});

describe('baseline drift', () => {
  it('says per cluster whether it matches, what is missing and what is extra', () => {
    const [root, other, successor] = [sha256Of(c.root), sha256Of(c.other), sha256Of(c.successor)];
    const of = (...sha256: string[]) => ({ certificates: sha256.map((s) => ({ sha256: s })) });
    expect(baselineDrift(of(other, root, root), [root, other])).toEqual({ matches: true, missing: [], extra: [] });
    expect(baselineDrift(of(root, successor), [root.toUpperCase(), other])).toEqual({
      matches: false,
      missing: [other],
      extra: [successor],
    });
    expect(baselineDrift(of(), [])).toEqual({ matches: true, missing: [], extra: [] });
  });

  it('reads a baseline file with lib/pki and refuses keys, errors and too many', async () => {
    const read = await readBaseline([{ name: 'baseline.pem', content: c.root + c.other + c.root }], NOW);
    expect(read.ok && read.sha256).toEqual([sha256Of(c.root), sha256Of(c.other)]);
    const leaky = await issueCertificate({ subject: 'CN=Leaky', isCA: true });
    const withKey = await readBaseline([{ name: 'b.pem', content: leaky.certPem + leaky.keyPem }], NOW);
    expect(withKey).toMatchObject({ ok: false, message: expect.stringMatching(/private key/) });
    expect(await readBaseline([{ name: 'b.pem', content: c.expired }], NOW)).toMatchObject({ ok: false });
    const many = await readBaseline([{ name: 'b.pem', content: [c.root, c.other, ...c.extra].join('') }], NOW);
    expect(many).toMatchObject({ ok: false, message: expect.stringMatching(/at most 10/) });
  });

  it('"make these match" plans a baseline change for the drifting clusters only', async () => {
    const read = await readBaseline([{ content: c.root + c.other }], NOW);
    if (!read.ok) throw new Error(read.message);
    const clusters = [cluster('ok', [c.other, c.root]), cluster('drift', [c.root, c.expiring])];
    const fleet = await Promise.all(
      clusters.map(async (one) => ({ ...one, certificates: one.caBundle.map((pem) => ({ sha256: sha256Of(pem) })) })),
    );
    const { change, target } = matchBaseline(fleet, read.certificates);
    expect(target.clusterIds).toEqual([clusters[1]!.id]);
    const plan = await planFleetChange({ clusters, change, target, now: NOW });
    expect(plan.clusters.map((p) => [p.ref.name, p.after, p.removed])).toEqual([
      ['drift', [sha256Of(c.root), sha256Of(c.other)], [sha256Of(c.expiring)]],
    ]);
  });
});
