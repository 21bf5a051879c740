/**
 * What keeps one cluster of a plan from being written, in the order an operator fixes things: nothing to do, then
 * who may write and the cluster's own state (the single apply's gate, lib/clusters/apply-gate.ts), the pools that
 * would receive the CA, then the planned bundle itself. Pure.
 */
import { isStopped, writeBlocker } from '../../clusters/apply-gate';
import type { ChangeImpact } from '../../clusters/impact';
import { MAX_AKS_CERTIFICATES } from '../../pki/limits';
import type { PlanBlock, PlanFinding } from './types';

export type ClusterAccessLevel = 'write' | 'read' | 'unknown';

export interface BlockFacts {
  name: string;
  resourceGroup: string;
  provisioningState: string;
  powerState: string | null;
  access: ClusterAccessLevel;
  /** Entries of the current bundle lib/pki could not read (the plan cannot say what the cluster trusts). */
  unreadable: PlanFinding[];
  /** Why there is nothing to do, or null when the bundle changes. */
  noChange: string | null;
  afterCount: number;
  findings: PlanFinding[];
  impact: ChangeImpact;
}

const WRITE_ACTION = 'Microsoft.ContainerService/managedClusters/write';

export function planBlock(facts: BlockFacts): PlanBlock | null {
  if (facts.unreadable.length > 0) {
    return {
      reason: 'not-readable',
      message: `The cluster's current bundle could not be read (${facts.unreadable[0]!.message}); fix it on this cluster alone first.`,
    };
  }
  if (facts.noChange) return { reason: 'nothing-to-change', message: facts.noChange };
  if (facts.access === 'read') {
    return {
      reason: 'no-write-permission',
      message: `Your roles on this cluster do not grant ${WRITE_ACTION}; someone who may write it can apply this plan.`,
    };
  }
  const gate = writeBlocker(facts, { status: 'allowed' });
  if (gate) return { reason: isStopped(facts) ? 'cluster-stopped' : 'operation-running', message: gate };
  if (facts.impact.replaced.length === 0 && facts.impact.skipped.length > 0) {
    const pools = facts.impact.skipped.map((pool) => `${pool.name} (${pool.osType})`).join(', ');
    return {
      reason: 'windows-only',
      message: `No Linux node pool would receive the CA (AKS gives custom CAs to Linux VMSS nodes only); pools: ${pools}.`,
    };
  }
  if (facts.afterCount > MAX_AKS_CERTIFICATES) {
    return {
      reason: 'too-many-certificates',
      message: `The planned bundle has ${facts.afterCount} certificates but AKS accepts at most ${MAX_AKS_CERTIFICATES}; remove ${facts.afterCount - MAX_AKS_CERTIFICATES} from this cluster first.`,
    };
  }
  const errors = facts.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length === 2 ? '' : 's'})` : '';
    return { reason: 'certificate-errors', message: `${errors[0]!.message}${more}` };
  }
  return null;
}
