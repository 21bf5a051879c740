/**
 * A fleet change (issue 12): what to change, on which clusters, and the plan computed per cluster. Pure data.
 * Functions: planFleetChange (plan.ts), baselineDrift / readBaseline / matchBaseline (baseline.ts), serializePlan and
 * parsePlanFile (plan-file.ts; parsePlanFile is async — `Promise<{ ok: true; plan } | { ok: false; message }>` —
 * because it re-hashes every certificate with WebCrypto; it never throws).
 */
import type { FleetClusterRef } from '../types';

export type FleetChange =
  | { kind: 'add'; certificates: string[] } // PEM texts
  | { kind: 'remove'; sha256: string[] } // lower-case hex, no colons
  | { kind: 'replace'; from: string; to: string } // from = sha256, to = PEM
  | { kind: 'baseline'; certificates: string[] }; // the cluster must trust exactly these

/** Every field left out matches every cluster. */
export interface FleetTarget {
  /** sha256 */
  trusts?: string;
  /** sha256 */
  missing?: string;
  tenantId?: string;
  subscriptionId?: string;
  /** Glob on the cluster name (* and ?), case-insensitive. */
  name?: string;
  /** Explicit choice from the inventory (ARM ids, compared case-insensitively). */
  clusterIds?: string[];
}

export type PlanBlockReason =
  | 'too-many-certificates'
  | 'cluster-stopped'
  | 'operation-running'
  | 'no-write-permission'
  | 'windows-only'
  | 'nothing-to-change'
  | 'certificate-errors'
  | 'not-readable';

export interface PlanBlock {
  reason: PlanBlockReason;
  message: string;
}

export interface PlanFinding {
  sha256: string | null;
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface PlannedCluster {
  /** lib/fleet/types.ts */
  ref: FleetClusterRef;
  /** sha256 of the current caBundle, in ARM's order. */
  before: string[];
  /** sha256 of the planned caBundle, in the order it will be written. */
  after: string[];
  /** sha256 */
  added: string[];
  /** sha256 */
  removed: string[];
  findings: PlanFinding[];
  /** Linux VMSS nodes (lib/clusters/impact.ts). */
  machinesReplaced: number;
  pools: { name: string; count: number; replaced: boolean }[];
  /** null = will be applied. */
  block: PlanBlock | null;
}

export interface FleetPlanTotals {
  clusters: number;
  toApply: number;
  blocked: number;
  machinesReplaced: number;
  blockedBy: Partial<Record<PlanBlockReason, number>>;
}

export interface FleetPlan {
  v: 1;
  /** ISO */
  createdAt: string;
  change: FleetChange;
  target: FleetTarget;
  /** sha256 -> PEM, every certificate any before/after names (once). */
  certificates: Record<string, string>;
  /** Sorted: tenant, subscription, resource group, name. */
  clusters: PlannedCluster[];
  totals: FleetPlanTotals;
}
