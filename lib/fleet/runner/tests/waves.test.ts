import { describe, expect, it } from 'vitest';
import { planWaves } from '../waves';
import { fixture } from './fake-arm';

const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

describe('planWaves', () => {
  it('puts the first cluster to apply in the canary wave, then waves of N in plan order', () => {
    const { plan, idOf } = fixture(names, ['c1']);
    const result = planWaves(plan, { canary: [], waveSize: 2 });
    expect(result).toEqual({
      ok: true,
      waves: [[idOf('c2')], [idOf('c3'), idOf('c4')], [idOf('c5'), idOf('c6')]],
    });
  });

  it('takes the canaries the user chose, by name or id, case-insensitively, once each', () => {
    const { plan, idOf } = fixture(names);
    const result = planWaves(plan, { canary: ['C4', idOf('c2').toUpperCase(), 'c4'], waveSize: 3 });
    expect(result).toEqual({
      ok: true,
      waves: [[idOf('c4'), idOf('c2')], [idOf('c1'), idOf('c3'), idOf('c5')], [idOf('c6')]],
    });
  });

  it('refuses an unknown, a blocked or an ambiguous canary and a bad wave size', () => {
    const { plan } = fixture(names, ['c3']);
    expect(planWaves(plan, { canary: ['nope'], waveSize: 2 })).toEqual({
      ok: false,
      message: 'The canary nope is not a cluster of this plan.',
    });
    expect(planWaves(plan, { canary: ['c3'], waveSize: 2 })).toMatchObject({ ok: false, message: /blocked/ });
    const twin = structuredClone(plan.clusters[0]!);
    twin.ref.id = twin.ref.id.replace('/subscriptions/00000001', '/subscriptions/00000002');
    plan.clusters.push(twin);
    expect(planWaves(plan, { canary: ['c1'], waveSize: 2 })).toMatchObject({ ok: false, message: /matches 2/ });
    expect(planWaves(plan, { canary: [], waveSize: 0 })).toMatchObject({ ok: false });
    expect(planWaves(plan, { canary: [], waveSize: 1.5 })).toMatchObject({ ok: false });
  });

  it('has no waves when the plan applies nothing', () => {
    const { plan } = fixture(['c1'], ['c1']);
    expect(planWaves(plan, { canary: [], waveSize: 2 })).toEqual({ ok: true, waves: [] });
  });
});
