/**
 * Whether the proposal may be applied now and, if not, the one sentence that says why: what the caller may do
 * (ARM's permissions API), the cluster's power and provisioning state, then the proposal itself. A proposal with no
 * CA change may be applied on a cluster whose last operation ended Failed or Canceled, to finish it (apply-intent.ts).
 * Pure.
 */
import { acceptsWrite } from '../rollout/provisioning-state';
import { applyIntent } from './apply-intent';
import type { Proposal } from './proposal';
import { isNoChange } from './proposal';

/** What the permissions API said about writing the cluster. `unknown`: it could not be asked (ARM checks at write time). */
export type WriteAccess =
  | { status: 'checking' }
  | { status: 'allowed' }
  | { status: 'denied'; action: string }
  | { status: 'unknown'; message: string };

export interface GateCluster {
  name: string;
  resourceGroup: string;
  provisioningState: string;
  powerState: string | null;
}

/** AKS accepts a new PUT only once an operation ended (a failed or canceled one can be retried by writing again). */
export function isOperationRunning(provisioningState: string): boolean {
  return !acceptsWrite(provisioningState);
}

export const isStopped = (cluster: Pick<GateCluster, 'powerState'>): boolean =>
  cluster.powerState?.toLowerCase() === 'stopped';

/** Why the caller may not change the CA list at all, or null. */
export function readOnlyReason(access: WriteAccess): string | null {
  return access.status === 'denied'
    ? `Read-only: your roles on this cluster do not grant ${access.action}. You can still prepare a bundle and export it for someone who may apply it.`
    : null;
}

/** What blocks any write of the cluster (apply and remove-all alike), or null. */
export function writeBlocker(cluster: GateCluster, access: WriteAccess): string | null {
  const readOnly = readOnlyReason(access);
  if (readOnly) return readOnly;
  if (access.status === 'checking') return 'Checking your permissions on this cluster…';
  if (isStopped(cluster)) {
    return `The cluster is stopped, and AKS refuses changes to a stopped cluster: start the cluster first (az aks start --resource-group ${cluster.resourceGroup} --name ${cluster.name}), then apply.`;
  }
  if (isOperationRunning(cluster.provisioningState)) {
    return `An operation is running on this cluster (${cluster.provisioningState}); wait for it to finish before you apply a change.`;
  }
  return null;
}

export function applyBlocker(
  proposal: Pick<Proposal, 'errorCount' | 'diff' | 'caBundle'>,
  cluster: GateCluster,
  access: WriteAccess,
): string | null {
  const blocked = writeBlocker(cluster, access);
  if (blocked) return blocked;
  if (proposal.errorCount > 0) {
    return `Fix the ${proposal.errorCount === 1 ? 'error' : `${proposal.errorCount} errors`} shown in the editor above first: errors block apply.`;
  }
  // The same list on a Failed or Canceled cluster finishes the rollout (apply-intent.ts): not blocked.
  if (applyIntent(proposal, cluster).kind === 'finish-rollout') return null;
  if (isNoChange(proposal.diff)) {
    return 'No change: the proposed bundle holds the same certificates as the cluster (order and encoding do not count).';
  }
  if (proposal.caBundle.length === 0) {
    return 'The proposal has no certificate left; to remove every custom CA, use "Remove all custom CAs".';
  }
  return null;
}

export function removeAllBlocker(cluster: GateCluster & { caBundle: string[] }, access: WriteAccess): string | null {
  return writeBlocker(cluster, access) ?? (cluster.caBundle.length === 0 ? 'The cluster has no custom CA.' : null);
}
