import { describe, expect, it } from 'vitest';
import { applyBlocker, removeAllBlocker, type WriteAccess } from './apply-gate';
import { applyIntent, finishRolloutImpact, finishRolloutReason, unfinishedOutcome } from './apply-intent';
import { changeSinceReview } from './reviewed-cluster';

const ALLOWED: WriteAccess = { status: 'allowed' };
const cluster = (provisioningState: string) => ({
  name: 'aks-web-prod-neu',
  resourceGroup: 'rg-web-prod',
  provisioningState,
  powerState: 'Running',
  caBundle: ['pem'],
});
const noChange = {
  errorCount: 0,
  diff: { added: [], removed: [], rotated: [], unchanged: [{}] },
  caBundle: [{}],
} as never;
const noChangeEmpty = {
  errorCount: 0,
  diff: { added: [], removed: [], rotated: [], unchanged: [] },
  caBundle: [],
} as never;
const change = {
  errorCount: 0,
  diff: { added: [{}], removed: [], rotated: [], unchanged: [{}] },
  caBundle: [{}, {}],
} as never;
const removesAll = {
  errorCount: 0,
  diff: { added: [], removed: [{}], rotated: [], unchanged: [] },
  caBundle: [],
} as never;

describe('applying the same list again to finish a rollout', () => {
  it('is offered on a Failed or Canceled cluster (one vocabulary: case-insensitive, British spelling) when nothing changes', () => {
    expect(unfinishedOutcome('Failed')).toBe('failed');
    expect(unfinishedOutcome('canceled')).toBe('canceled');
    expect(unfinishedOutcome('Cancelled')).toBe('canceled');
    expect(unfinishedOutcome('Succeeded')).toBeNull();
    expect(unfinishedOutcome('Updating')).toBeNull();
    expect(applyIntent(noChange, cluster('Failed'))).toEqual({ kind: 'finish-rollout', outcome: 'failed' });
    expect(applyIntent(noChange, cluster('Canceled'))).toEqual({ kind: 'finish-rollout', outcome: 'canceled' });
    expect(applyBlocker(noChange, cluster('Failed'), ALLOWED)).toBeNull();
    expect(applyBlocker(noChange, cluster('Canceled'), ALLOWED)).toBeNull();
  });

  it('a Succeeded cluster with no change is still blocked: "No change"', () => {
    expect(applyIntent(noChange, cluster('Succeeded'))).toEqual({ kind: 'change' });
    expect(applyBlocker(noChange, cluster('Succeeded'), ALLOWED)).toMatch(/^No change:/);
  });

  it('a real change stays a change, on a Failed cluster too', () => {
    expect(applyIntent(change, cluster('Failed'))).toEqual({ kind: 'change' });
    expect(applyBlocker(change, cluster('Failed'), ALLOWED)).toBeNull();
    expect(applyIntent(removesAll, cluster('Failed'))).toEqual({ kind: 'change' });
    expect(applyBlocker(removesAll, cluster('Failed'), ALLOWED)).toMatch(/^The proposal has no certificate left/);
    expect(removeAllBlocker(cluster('Failed'), ALLOWED)).toBeNull();
  });

  it('a failed removal of every CA can be finished too (the same empty list)', () => {
    expect(applyIntent(noChangeEmpty, cluster('Failed'))).toEqual({ kind: 'finish-rollout', outcome: 'failed' });
    expect(applyBlocker(noChangeEmpty, cluster('Failed'), ALLOWED)).toBeNull();
    expect(applyBlocker(noChangeEmpty, cluster('Succeeded'), ALLOWED)).toMatch(/^No change:/);
  });

  it('what blocks any write still comes first: errors, permissions, a stopped cluster', () => {
    expect(applyBlocker({ ...(noChange as object), errorCount: 1 } as never, cluster('Failed'), ALLOWED)).toMatch(
      /^Fix the error/,
    );
    expect(
      applyBlocker(noChange, cluster('Failed'), {
        status: 'denied',
        action: 'Microsoft.ContainerService/managedClusters/write',
      }),
    ).toMatch(/^Read-only/);
    expect(applyBlocker(noChange, { ...cluster('Failed'), powerState: 'Stopped' }, ALLOWED)).toMatch(/stopped/);
    expect(applyBlocker(noChange, cluster('Canceling'), ALLOWED)).toMatch(/^An operation is running/);
  });

  it('says why in one sentence, and that only nodes not yet renewed are replaced', () => {
    expect(finishRolloutReason('failed')).toBe(
      'The last operation on this cluster ended Failed: applying the same CA list again asks AKS to renew the nodes that still trust the old list.',
    );
    expect(finishRolloutReason('canceled')).toMatch(/^The last operation on this cluster ended Canceled:/);
    expect(finishRolloutImpact(7)).toBe(
      'Only nodes not yet renewed are replaced, at most 7 nodes: which ones is not known before the rollout starts; the rollout view shows them.',
    );
    expect(finishRolloutImpact(1)).toMatch(/at most 1 node:/);
  });

  it('keeps the concurrency protection: a cluster that moved on since the review is a conflict', async () => {
    const reviewed = { caFingerprints: [], provisioningState: 'Failed', powerState: 'Running', eTag: null };
    expect(
      await changeSinceReview(reviewed, {
        caBundle: [],
        provisioningState: 'Failed',
        powerState: 'Running',
        eTag: null,
      }),
    ).toBeNull();
    expect(
      await changeSinceReview(reviewed, {
        caBundle: [],
        provisioningState: 'Succeeded',
        powerState: 'Running',
        eTag: null,
      }),
    ).toBe('its state went from Failed to Succeeded');
    expect(
      await changeSinceReview(reviewed, {
        caBundle: [],
        provisioningState: 'Updating',
        powerState: 'Running',
        eTag: null,
      }),
    ).toBe('its state went from Failed to Updating');
  });
});
