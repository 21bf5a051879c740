/**
 * The plan file (`ca-trust fleet plan --out`, the fleet page's download): FleetPlan as JSON. Reading one checks it
 * all — its shape (zod), every certificate (lib/pki reads each PEM and its SHA-256 must be its key; private keys
 * are refused), every fingerprint a cluster names, each diff and the totals — and answers one sentence saying what
 * is wrong and where; it never throws. zod is here only: the browser page loads this module lazily.
 */
import { z } from 'zod';
import { bundleDiff } from './bundle';
import { readOnePem } from './certificates';
import { planTotals } from './plan';
import type { FleetPlan } from './types';

/** Far above any real plan (200 clusters are well under 1 MB); refused before parsing. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 fingerprint: 64 lower-case hex digits');
const pem = z
  .string()
  .min(1)
  .max(64 * 1024);
const text = z.string().max(4096);
const REASONS = [
  'too-many-certificates',
  'cluster-stopped',
  'operation-running',
  'no-write-permission',
  'windows-only',
  'nothing-to-change',
  'certificate-errors',
  'not-readable',
] as const;
const reason = z.enum(REASONS);

const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), certificates: z.array(pem).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('remove'), sha256: z.array(sha256).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('replace'), from: sha256, to: pem }).strict(),
  z.object({ kind: z.literal('baseline'), certificates: z.array(pem).max(100) }).strict(),
]);

const targetSchema = z
  .object({
    trusts: sha256.optional(),
    missing: sha256.optional(),
    tenantId: text.optional(),
    subscriptionId: text.optional(),
    name: text.optional(),
    clusterIds: z.array(text).max(100_000).optional(),
  })
  .strict();

const refSchema = z
  .object({
    id: text.regex(
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]+$/i,
      'must be a managed cluster ARM id',
    ),
    name: text,
    resourceGroup: text,
    subscriptionId: text,
    subscriptionName: text,
    tenantId: text,
    tenantName: text,
  })
  .strict();

const list = z.array(sha256).max(1000);
const clusterSchema = z
  .object({
    ref: refSchema,
    before: list,
    after: list,
    added: list,
    removed: list,
    findings: z
      .array(
        z
          .object({
            sha256: sha256.nullable(),
            id: text,
            severity: z.enum(['error', 'warning', 'info']),
            message: text,
          })
          .strict(),
      )
      .max(1000),
    machinesReplaced: z.number().int().nonnegative(),
    pools: z
      .array(z.object({ name: text, count: z.number().int().nonnegative(), replaced: z.boolean() }).strict())
      .max(1000),
    block: z.object({ reason, message: text }).strict().nullable(),
  })
  .strict();

const count = z.number().int().nonnegative();
export const planFileSchema = z
  .object({
    v: z.literal(1),
    createdAt: z.iso.datetime({ offset: true }),
    change: changeSchema,
    target: targetSchema,
    certificates: z.record(sha256, pem),
    clusters: z.array(clusterSchema).max(100_000),
    totals: z
      .object({
        clusters: count,
        toApply: count,
        blocked: count,
        machinesReplaced: count,
        blockedBy: z.partialRecord(reason, count),
      })
      .strict(),
  })
  .strict();

export type PlanFileResult = { ok: true; plan: FleetPlan } | { ok: false; message: string };

const fail = (message: string): PlanFileResult => ({ ok: false, message: `This plan file cannot be used: ${message}` });

function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && b.every((value) => a.includes(value));

/** Everything but the certificates themselves: what each cluster names must be in the file, and the sums add up. */
function checkConsistency(plan: FleetPlan): string | null {
  const named = new Set<string>();
  const ids = new Set<string>();
  for (const [index, cluster] of plan.clusters.entries()) {
    const at = `clusters[${index}] (${cluster.ref.name})`;
    if (ids.has(cluster.ref.id.toLowerCase())) return `${at} is listed twice.`;
    ids.add(cluster.ref.id.toLowerCase());
    for (const field of ['before', 'after', 'added', 'removed'] as const) {
      for (const [i, sha] of cluster[field].entries()) {
        if (!(sha in plan.certificates)) return `${at}.${field}[${i}] names ${sha}, which is not in "certificates".`;
        named.add(sha);
      }
    }
    if (new Set(cluster.after).size !== cluster.after.length) return `${at}.after names a certificate twice.`;
    const diff = bundleDiff(cluster.before, cluster.after);
    if (!sameSet(diff.added, cluster.added) || !sameSet(diff.removed, cluster.removed))
      return `${at}: "added" and "removed" do not match the difference between "before" and "after".`;
    const counted = cluster.pools.filter((pool) => pool.replaced).reduce((sum, pool) => sum + pool.count, 0);
    if (counted !== cluster.machinesReplaced)
      return `${at}.machinesReplaced is ${cluster.machinesReplaced} but its replaced pools hold ${counted} nodes.`;
  }
  for (const sha of Object.keys(plan.certificates))
    if (!named.has(sha)) return `certificates.${sha} is named by no cluster.`;
  const totals = planTotals(plan.clusters);
  for (const key of ['clusters', 'toApply', 'blocked', 'machinesReplaced'] as const) {
    if (totals[key] !== plan.totals[key])
      return `totals.${key} is ${plan.totals[key]} but the clusters add up to ${totals[key]}.`;
  }
  for (const key of new Set([...Object.keys(totals.blockedBy), ...Object.keys(plan.totals.blockedBy)]) as Set<
    keyof typeof totals.blockedBy
  >) {
    if ((totals.blockedBy[key] ?? 0) !== (plan.totals.blockedBy[key] ?? 0))
      return `totals.blockedBy.${key} is ${plan.totals.blockedBy[key] ?? 0} but ${totals.blockedBy[key] ?? 0} clusters are blocked by it.`;
  }
  return null;
}

/** Each certificate read by lib/pki: its SHA-256 is its key, and the change's PEMs are certificates too. */
async function checkCertificates(plan: FleetPlan, now: Date): Promise<string | null> {
  const checks = Object.entries(plan.certificates).map(async ([sha, certificatePem]) => {
    const read = await readOnePem(certificatePem, now);
    if (!read.ok) return `certificates.${sha} is not one readable certificate (${read.findings[0]!.message})`;
    if (read.certificate.sha256 !== sha)
      return `certificates.${sha} holds the certificate ${read.certificate.sha256}: the key must be its SHA-256.`;
    return null;
  });
  const change = plan.change;
  const changePems =
    change.kind === 'replace'
      ? [['change.to', change.to]]
      : change.kind === 'remove'
        ? []
        : change.certificates.map((p, i) => [`change.certificates[${i}]`, p]);
  for (const [at, changePem] of changePems) {
    checks.push(
      readOnePem(changePem!, now).then((read) =>
        read.ok ? null : `${at} is not one readable certificate (${read.findings[0]!.message})`,
      ),
    );
  }
  return (await Promise.all(checks)).find((message) => message !== null) ?? null;
}

export async function parsePlanFile(input: string): Promise<PlanFileResult> {
  try {
    if (input.length > MAX_PLAN_FILE_BYTES) return fail(`it is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.`);
    // Before anything else: a plan never carries a key, and one that does is not read further.
    if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(input))
      return fail('it holds a private key. A plan carries CA certificates only; delete the key and keep it safe.');
    let json: unknown;
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      return fail(`it is not JSON (${error instanceof SyntaxError ? error.message : 'unreadable'}).`);
    }
    const parsed = planFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail(`${where(issue.path) || 'the file'}: ${issue.message}.`);
    }
    const plan = parsed.data as FleetPlan;
    const inconsistent = checkConsistency(plan);
    if (inconsistent) return fail(inconsistent);
    const badCertificate = await checkCertificates(plan, new Date(plan.createdAt));
    if (badCertificate) return fail(badCertificate);
    return { ok: true, plan };
  } catch {
    return fail('it could not be checked because of an internal error.');
  }
}

/** The plan as its file holds it: two-space JSON and a final newline (stable, diff-friendly in a pull request). */
export function serializePlan(plan: FleetPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
