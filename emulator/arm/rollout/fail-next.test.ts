import { describe, expect, it } from 'vitest';
import { FailNextRollout } from './fail-next';

const failure = { afterBatches: 2, error: { code: 'UpgradeFailed', message: 'Drain failed' } };
const web = { subscriptionId: 'S1', resourceGroup: 'rg-web', name: 'aks-web' };
const pay = { subscriptionId: 's1', resourceGroup: 'rg-pay', name: 'aks-pay' };

describe('fail-next', () => {
  it('without a cluster, the next rollout of any cluster takes it, once', () => {
    const next = new FailNextRollout();
    next.arm(failure);
    expect(next.take(pay)).toEqual(failure);
    expect(next.take(web)).toBeUndefined();
  });

  it("with a cluster (name or address, case-insensitive), other clusters' rollouts leave it armed", () => {
    const next = new FailNextRollout();
    expect(next.arm({ ...failure, cluster: { name: 'AKS-WEB' } })).toEqual({
      ...failure,
      cluster: { name: 'AKS-WEB' },
    });
    expect(next.take(pay)).toBeUndefined();
    expect(next.pending()).toMatchObject({ cluster: { name: 'AKS-WEB' } });
    expect(next.take(web)).toEqual(failure);
    expect(next.pending()).toBeNull();
    next.arm({ ...failure, cluster: { subscriptionId: 's1', resourceGroup: 'RG-WEB', name: 'aks-web' } });
    expect(next.take({ ...web, resourceGroup: 'rg-other' })).toBeUndefined();
    expect(next.take(web)).toEqual(failure);
  });
});
