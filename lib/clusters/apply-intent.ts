/**
 * What an apply does: change the CA list, or apply the same list again to finish a rollout that ended Failed or
 * Canceled. The second needs a cluster whose last operation ended that way (the one provisioning-state vocabulary)
 * and a proposal with no CA change: ARM then holds the new list already, and a PUT of it asks AKS to renew the
 * nodes that still trust the old one. Which nodes those are is not known before (only the rollout view sees them).
 * Pure; the sentences are shared by the review, the confirm dialog and the tests.
 */
import { stateOutcome } from '../rollout/provisioning-state';
import type { Proposal } from './proposal';
import { isNoChange } from './proposal';

/** How the last operation ended, when applying the same list again may finish it. */
export type UnfinishedOutcome = 'failed' | 'canceled';

export type ApplyIntent = { kind: 'change' } | { kind: 'finish-rollout'; outcome: UnfinishedOutcome };

/** The cluster's last operation ended Failed or Canceled (so some nodes may still trust the old list), else null. */
export function unfinishedOutcome(provisioningState: string): UnfinishedOutcome | null {
  const outcome = stateOutcome(provisioningState);
  return outcome === 'failed' || outcome === 'canceled' ? outcome : null;
}

export function applyIntent(proposal: Pick<Proposal, 'diff'>, cluster: { provisioningState: string }): ApplyIntent {
  const outcome = unfinishedOutcome(cluster.provisioningState);
  return outcome && isNoChange(proposal.diff) ? { kind: 'finish-rollout', outcome } : { kind: 'change' };
}

const WORD: Record<UnfinishedOutcome, string> = { failed: 'Failed', canceled: 'Canceled' };

export const FINISH_ROLLOUT_LABEL = 'Apply again to finish the rollout';

/** Why the same list may be applied again, in one sentence. */
export const finishRolloutReason = (outcome: UnfinishedOutcome): string =>
  `The last operation on this cluster ended ${WORD[outcome]}: applying the same CA list again asks AKS to renew the nodes that still trust the old list.`;

/** What applying the same list again costs: only the nodes not yet renewed, a set known only once it runs. */
export const finishRolloutImpact = (nodes: number): string =>
  `Only nodes not yet renewed are replaced, at most ${nodes} node${nodes === 1 ? '' : 's'}: which ones is not known before the rollout starts; the rollout view shows them.`;
