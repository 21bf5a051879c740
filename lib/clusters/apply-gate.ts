/** Whether the proposal may be applied now and, if not, the one sentence that says why. Pure. */
import type { Proposal } from './proposal';
import { isNoChange } from './proposal';
import { acceptsWrite } from '../rollout/provisioning-state';

/** AKS accepts a new PUT only once an operation ended (a failed or canceled one can be retried by writing again). */
export function isOperationRunning(provisioningState: string): boolean {
  return !acceptsWrite(provisioningState);
}

export function applyBlocker(proposal: Pick<Proposal, 'errorCount' | 'diff' | 'payload'>, provisioningState: string): string | null {
  if (isOperationRunning(provisioningState)) {
    return `An operation is running on this cluster (${provisioningState}); wait for it to finish before you apply a change.`;
  }
  if (proposal.errorCount > 0) {
    return `Fix the ${proposal.errorCount === 1 ? 'error' : `${proposal.errorCount} errors`} shown in the editor above first: errors block apply.`;
  }
  if (isNoChange(proposal.diff)) {
    return 'No change: the proposed bundle holds the same certificates as the cluster (order and encoding do not count).';
  }
  if (proposal.payload.length === 0) {
    return 'The proposal has no certificate left; to remove every custom CA, use "Remove all custom CAs".';
  }
  return null;
}
