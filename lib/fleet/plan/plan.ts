/**
 * planFleetChange: one change over the loaded fleet, computed per cluster from its own current bundle — the bundle
 * it would trust, the diff, lib/pki's findings on that result, the nodes replaced (lib/clusters/impact.ts) and what
 * blocks it. The same code in the browser (the fleet page) and in `ca-trust fleet plan`. Pure: no network.
 */
import { changeImpact } from '../../clusters/impact';
import type { AgentPoolSummary } from '../../clusters/types';
import { lintCertificates, type CertificateInfo } from '../../pki';
import { clusterRef, compareClusters } from '../ca-index';
import type { FleetClusterRef } from '../types';
import { planBlock, type ClusterAccessLevel } from './block';
import { bundleDiff, plannedBundle, type ChangeBySha256 } from './bundle';
import { pemReader, type PemReader } from './certificates';
import { normalizeTarget, targetMatcher } from './target';
import type { FleetChange, FleetPlan, FleetPlanTotals, FleetTarget, PlanFinding, PlannedCluster } from './types';

/** A cluster as the inventory holds it: where it lives, its bundle (PEM texts, ARM's order), its state and pools. */
export interface PlanClusterInput extends FleetClusterRef {
  caBundle: string[];
  provisioningState: string;
  powerState: string | null;
  agentPools: AgentPoolSummary[];
}

/** The one way a loaded cluster becomes a plan input (the CLI and the fleet page both build it here). */
export function toPlanCluster(
  ref: FleetClusterRef,
  summary: Pick<PlanClusterInput, 'caBundle' | 'provisioningState' | 'powerState' | 'agentPools'>,
): PlanClusterInput {
  return {
    ...clusterRef(ref),
    caBundle: summary.caBundle,
    provisioningState: summary.provisioningState,
    powerState: summary.powerState,
    agentPools: summary.agentPools,
  };
}

export interface PlanInput {
  clusters: readonly PlanClusterInput[];
  change: FleetChange;
  target: FleetTarget;
  now: Date;
  /** What the caller may do per cluster (ARM's permissions API), when it was asked; left out = unknown. */
  access?: (clusterId: string) => ClusterAccessLevel;
  /** A reader shared across plans of one loaded inventory (each distinct PEM is decoded once); made per call otherwise. */
  reader?: PemReader;
}

interface ResolvedChange {
  /** The change as the plan keeps it: each readable PEM in lib/pki's canonical form, fingerprints lower-case. */
  change: FleetChange;
  bySha256: ChangeBySha256;
  /** Findings that make every targeted cluster's change impossible (a change certificate lib/pki cannot read). */
  findings: PlanFinding[];
}

async function resolveChange(
  change: FleetChange,
  read: PemReader,
  known: Map<string, CertificateInfo>,
): Promise<ResolvedChange> {
  const findings: PlanFinding[] = [];
  const readAll = async (pems: string[]) => {
    const sha256: string[] = [];
    const canonical: string[] = [];
    for (const [index, result] of (await Promise.all(pems.map(read))).entries()) {
      if (!result.ok) {
        findings.push(...result.findings);
        canonical.push(pems[index]!);
      } else {
        known.set(result.certificate.sha256, result.certificate);
        sha256.push(result.certificate.sha256);
        canonical.push(result.certificate.pem);
      }
    }
    return { sha256, canonical };
  };
  switch (change.kind) {
    case 'add':
    case 'baseline': {
      const { sha256, canonical } = await readAll(change.certificates);
      return {
        change: { kind: change.kind, certificates: canonical },
        bySha256: { kind: change.kind, sha256 },
        findings,
      };
    }
    case 'remove': {
      const sha256 = change.sha256.map((s) => s.toLowerCase());
      return { change: { kind: 'remove', sha256 }, bySha256: { kind: 'remove', sha256 }, findings };
    }
    case 'replace': {
      const from = change.from.toLowerCase();
      const { sha256, canonical } = await readAll([change.to]);
      return {
        change: { kind: 'replace', from, to: canonical[0]! },
        bySha256: { kind: 'replace', from, to: sha256[0] ?? '' },
        findings,
      };
    }
  }
}

function noChangeReason(
  change: ChangeBySha256,
  before: readonly string[],
  diff: { added: string[]; removed: string[] },
) {
  if (diff.added.length > 0 || diff.removed.length > 0) return null;
  if (change.kind === 'replace' && !before.includes(change.from))
    return 'The cluster does not trust the certificate to replace; nothing to do.';
  return 'The cluster already trusts exactly the planned bundle (order and encoding do not count).';
}

/** lib/pki's lint on the planned bundle; the same bundle (many clusters share one) is linted once. */
function linter(known: Map<string, CertificateInfo>, now: Date) {
  const cache = new Map<string, PlanFinding[]>();
  return (after: string[]): PlanFinding[] => {
    const key = after.join(',');
    let findings = cache.get(key);
    if (!findings) {
      const certificates = after.map((sha256, index) => ({ ...known.get(sha256)!, index }));
      findings = lintCertificates(certificates, { now }).map((finding) => ({
        sha256: finding.certificateIndex === undefined ? null : (after[finding.certificateIndex] ?? null),
        id: finding.id,
        severity: finding.severity,
        message: finding.message,
      }));
      cache.set(key, findings);
    }
    return findings;
  };
}

export function planTotals(clusters: readonly PlannedCluster[]): FleetPlanTotals {
  const totals: FleetPlanTotals = {
    clusters: clusters.length,
    toApply: 0,
    blocked: 0,
    machinesReplaced: 0,
    blockedBy: {},
  };
  for (const cluster of clusters) {
    if (cluster.block) {
      totals.blocked++;
      totals.blockedBy[cluster.block.reason] = (totals.blockedBy[cluster.block.reason] ?? 0) + 1;
    } else {
      totals.toApply++;
      totals.machinesReplaced += cluster.machinesReplaced;
    }
  }
  return totals;
}

/**
 * The plan for the clusters the target selects (sorted: tenant, subscription, resource group, name). Per-cluster
 * `machinesReplaced` is what applying it would cost even when blocked; the totals count only clusters to apply.
 */
export async function planFleetChange(input: PlanInput): Promise<FleetPlan> {
  const { now } = input;
  const read = input.reader ?? pemReader(now);
  const known = new Map<string, CertificateInfo>();
  const resolved = await resolveChange(input.change, read, known);
  const lint = linter(known, now);
  const target = normalizeTarget(input.target);
  const matches = targetMatcher(target);

  const bundles = await Promise.all(
    input.clusters.map(async (cluster) => {
      const results = await Promise.all(cluster.caBundle.map(read));
      const before: string[] = [];
      const unreadable: PlanFinding[] = [];
      for (const result of results) {
        if (result.ok) {
          known.set(result.certificate.sha256, result.certificate);
          before.push(result.certificate.sha256);
        } else unreadable.push(...result.findings);
      }
      return { cluster, before, unreadable };
    }),
  );

  const planned: PlannedCluster[] = [];
  for (const { cluster, before, unreadable } of bundles) {
    if (!matches(cluster, new Set(before))) continue;
    const changeFails = resolved.findings.length > 0 || unreadable.length > 0;
    const after = changeFails ? [...new Set(before)] : plannedBundle(before, resolved.bySha256);
    const diff = bundleDiff(before, after);
    const findings = [...resolved.findings, ...(after.length ? lint(after) : [])];
    const impact = changeImpact(cluster.agentPools);
    const replaced = new Set(impact.replaced.map((pool) => pool.name));
    const block = planBlock({
      ...cluster,
      access: input.access?.(cluster.id) ?? 'unknown',
      unreadable,
      noChange: resolved.findings.length > 0 ? null : noChangeReason(resolved.bySha256, before, diff),
      afterCount: after.length,
      findings,
      impact,
    });
    planned.push({
      ref: clusterRef(cluster),
      before,
      after,
      added: diff.added,
      removed: diff.removed,
      findings: unreadable.length ? unreadable : findings,
      machinesReplaced: impact.machinesReplaced,
      pools: cluster.agentPools.map((pool) => ({
        name: pool.name,
        count: pool.count,
        replaced: replaced.has(pool.name),
      })),
      block,
    });
  }
  planned.sort((a, b) => compareClusters(a.ref, b.ref));

  const certificates: Record<string, string> = {};
  for (const cluster of planned)
    for (const sha256 of [...cluster.before, ...cluster.after]) certificates[sha256] ??= known.get(sha256)!.pem;

  return {
    v: 1,
    createdAt: now.toISOString(),
    change: resolved.change,
    target,
    certificates,
    clusters: planned,
    totals: planTotals(planned),
  };
}
