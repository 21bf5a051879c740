/**
 * `ca-trust fleet plan`: read every reachable cluster (as `fleet list` does), ask ARM's permissions API whether the
 * caller may write each cluster the change is for (as the cluster page does), and compute the plan with lib/fleet/plan
 * — the same code the fleet page runs. Prints the plan for people (or its JSON with --json), writes the plan file
 * with --out. Exit 0 with a plan; 2 on bad input or when a tenant or subscription could not be read.
 */
import { writeFileSync } from 'node:fs';
import { readClusterAccess } from '../../../lib/azure/cluster-permissions';
import { mapAsCompleted } from '../../../lib/async/map-as-completed';
import { normalizeSha256 } from '../../../lib/fleet';
import {
  defaultTarget,
  pemReader,
  planFleetChange,
  readBaseline,
  toPlanCluster,
  type ClusterAccessLevel,
  type FleetChange,
  type FleetPlan,
  type FleetTarget,
  type PlanClusterInput,
  type PlannedCluster,
} from '../../../lib/fleet/plan';
import { serializePlan } from '../../../lib/fleet/plan/plan-file';
import { readBundle, uniqueCertificates } from '../../../lib/pki';
import { formatFingerprint as colonHex } from '../../../lib/pki/fingerprint';
import type { CommandOutput } from '../commands';
import { parseNow, readInputs, UsageError, type ReadStdin } from '../inputs';
import { failureExit, failureSummary, readFleet, type FleetDeps, type FleetReadWithAccess } from './commands';
import { parseOptions } from './options';
import { planSchema, whereFilters, type PlanOptions } from './plan-options';
import { table } from './table';

/** Permission reads at once (each is one small GET; ARM's read budget is shared with the inventory's). */
const ACCESS_CONCURRENCY = 8;

/** The certificates of files as canonical PEMs; anything lib/pki refuses on intake (a key, a non-certificate) is bad input. */
async function readCertificateFiles(files: string[], stdin: ReadStdin, now: Date, flag: string): Promise<string[]> {
  const result = await readBundle(await readInputs(files, stdin), { now });
  const refused = result.findings.find((f) => f.certificateIndex === undefined && f.severity === 'error');
  if (refused) throw new UsageError(`${flag} ${refused.file ?? ''}: ${refused.message}`.replace(/ :/, ':'));
  const certificates = uniqueCertificates(result.certificates);
  if (certificates.length === 0) throw new UsageError(`${flag}: ${files.join(', ')} holds no certificate`);
  return certificates.map((c) => c.pem);
}

async function readChange(options: PlanOptions, stdin: ReadStdin, now: Date): Promise<FleetChange> {
  if (options.add) return { kind: 'add', certificates: await readCertificateFiles(options.add, stdin, now, '--add') };
  if (options.remove) return { kind: 'remove', sha256: options.remove };
  if (options.replace) {
    const at = options.replace.indexOf('=');
    const from = options.replace.slice(0, at);
    const file = options.replace.slice(at + 1);
    const fromSha256 = normalizeSha256(from);
    if (!fromSha256)
      throw new UsageError(`--replace: "${from.slice(0, 80)}" is not a SHA-256 fingerprint (64 hex digits)`);
    const pems = await readCertificateFiles([file], stdin, now, '--replace');
    if (pems.length !== 1)
      throw new UsageError(`--replace: ${file} holds ${pems.length} certificates; give the one successor`);
    return { kind: 'replace', from: fromSha256, to: pems[0]! };
  }
  const baseline = await readBaseline(await readInputs([options.baseline!], stdin), now);
  if (!baseline.ok) throw new UsageError(`--baseline: ${baseline.message}`);
  return { kind: 'baseline', certificates: baseline.certificates.map((c) => c.pem) };
}

function targetOf(options: PlanOptions, change: FleetChange): FleetTarget {
  const where = whereFilters(options.where);
  if (typeof where === 'string') throw new UsageError(where);
  return defaultTarget(change, {
    ...where,
    ...(options.tenant?.[0] ? { tenantId: options.tenant[0] } : {}),
    ...(options.subscription?.[0] ? { subscriptionId: options.subscription[0] } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
}

function planInputs(read: FleetReadWithAccess): PlanClusterInput[] {
  return read.clusters.map((cluster) => toPlanCluster(cluster, read.summaries.get(cluster.id)!));
}

/** Would a write decide anything? Not for a cluster with nothing to change or a bundle the plan could not read. */
const needsAccess = (cluster: PlannedCluster) =>
  cluster.block?.reason !== 'nothing-to-change' && cluster.block?.reason !== 'not-readable';

/** ARM's permissions API per cluster (lib/azure/cluster-permissions, as the cluster page asks); a failed read is `unknown`. */
async function readAccess(
  clusters: PlannedCluster[],
  read: FleetReadWithAccess,
  notes: string[],
): Promise<Map<string, ClusterAccessLevel>> {
  const access = new Map<string, ClusterAccessLevel>();
  const clientsOf = new Map(
    read.access.flatMap((t) => ('clients' in t ? [[t.tenantId.toLowerCase(), t.clients]] : [])),
  );
  for await (const settled of mapAsCompleted(clusters, ACCESS_CONCURRENCY, async ({ ref }) => {
    const clients = clientsOf.get(ref.tenantId.toLowerCase());
    if (!clients) return 'unknown' as const;
    const { canWrite } = await readClusterAccess(clients.containerService(ref.subscriptionId), read.armEndpoint, ref);
    return canWrite ? ('write' as const) : ('read' as const);
  })) {
    const id = settled.item.ref.id.toLowerCase();
    if (settled.ok) access.set(id, settled.value);
    else {
      access.set(id, 'unknown');
      const message = settled.error instanceof Error ? settled.error.message.split('\n')[0]! : String(settled.error);
      notes.push(
        `ca-trust: permissions of ${settled.item.ref.name} not read (ARM checks them when the plan is applied): ${message.slice(0, 300)}\n`,
      );
    }
  }
  return access;
}

function changeLine(plan: FleetPlan): string {
  const short = (sha256: string) => colonHex(sha256).slice(0, 23);
  const change = plan.change;
  switch (change.kind) {
    case 'add':
      return `Add ${change.certificates.length} certificate(s)`;
    case 'remove':
      return `Remove ${change.sha256.map((sha256) => `${short(sha256)}…`).join(', ')}`;
    case 'replace':
      return `Replace ${short(change.from)}… by its successor`;
    case 'baseline':
      return `Trust exactly the baseline of ${change.certificates.length} certificate(s)`;
  }
}

export function humanPlan(plan: FleetPlan): string {
  const rows = plan.clusters.map((cluster) => [
    cluster.ref.name,
    `${cluster.ref.tenantName} / ${cluster.ref.subscriptionName}`,
    `+${cluster.added.length} -${cluster.removed.length}`,
    cluster.block ? '' : String(cluster.machinesReplaced),
    cluster.block?.reason ?? '',
  ]);
  const { totals } = plan;
  const blockedBy = Object.entries(totals.blockedBy)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const reasons = plan.clusters
    .filter((cluster) => cluster.block && cluster.block.reason !== 'nothing-to-change')
    .map((cluster) => `  ${cluster.ref.name}: ${cluster.block!.message}\n`)
    .join('');
  return (
    `${changeLine(plan)}\n` +
    (rows.length
      ? table(['CLUSTER', 'TENANT / SUBSCRIPTION', 'CHANGE', 'NODES REPLACED', 'BLOCKED'], rows)
      : 'no cluster matches the target\n') +
    (reasons ? `Blocked:\n${reasons}` : '') +
    `${totals.clusters} cluster(s): ${totals.toApply} to apply, replacing ${totals.machinesReplaced} Linux node(s); ${totals.blocked} blocked${blockedBy ? ` (${blockedBy})` : ''}\n`
  );
}

export async function fleetPlanCommand(raw: unknown, deps: FleetDeps): Promise<CommandOutput> {
  const options = parseOptions(planSchema, raw);
  const now = options.now ? parseNow(options.now) : new Date();
  const change = await readChange(options, deps.stdin, now);
  const target = targetOf(options, change);
  const read = await readFleet(options, deps, now);
  const clusters = planInputs(read);
  const reader = pemReader(now);
  const draft = await planFleetChange({ clusters, change, target, now, reader });
  const notes: string[] = [];
  const access = await readAccess(draft.clusters.filter(needsAccess), read, notes);
  const plan = await planFleetChange({
    clusters,
    change,
    target,
    now,
    reader,
    access: (id) => access.get(id.toLowerCase()) ?? 'unknown',
  });
  if (options.out) {
    try {
      writeFileSync(options.out, serializePlan(plan));
    } catch (error) {
      throw new UsageError(`--out: cannot write ${options.out} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    notes.push(`ca-trust: plan written to ${options.out}\n`);
  }
  return {
    stdout: options.json ? serializePlan(plan) : humanPlan(plan),
    stderr: notes.join('') + failureSummary(read),
    exitCode: failureExit(read) ?? 0,
  };
}
