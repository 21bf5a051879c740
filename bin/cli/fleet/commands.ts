/**
 * `ca-trust fleet list | expiring | who-trusts`: read every reachable cluster (lib/azure, as the dashboard does),
 * then answer from lib/fleet. Results go to stdout only; progress and failures to stderr.
 * Exit codes: list 0, or 2 when a tenant or subscription could not be read; expiring 1 when a CA expires within
 * the window (or has expired), else 0, and 2 on bad input or an unread subscription; who-trusts 0 when at least
 * one cluster matches, 1 when none does, 2 as above.
 */
import type { TokenCredential } from '@azure/core-auth';
import { ConfigError, parseArmConfig } from '../../../lib/config';
import {
  buildCaIndex,
  caIndexRows,
  expiringWithin,
  inventoryRows,
  normalizeSha256,
  toCsv,
  whoTrusts,
  type FleetCertificate,
  type FleetCluster,
} from '../../../lib/fleet';
import { DAY_MS, daysLeft, readBundle, validityStatus } from '../../../lib/pki';
import { formatFingerprint as colonHex } from '../../../lib/pki/fingerprint';
import type { CommandOutput } from '../commands';
import { parseNow, readInputs, UsageError, type ReadStdin } from '../inputs';
import { defaultAzureCredential, resolveTenants } from './access';
import type { TenantAccess } from '../../../lib/azure/fleet-load';
import { collectFleet, type FleetRead } from './collect';
import { expiringSchema, listSchema, parseOptions, whoTrustsSchema, type ScopeOptions } from './options';
import { Progress } from './progress';
import { table } from './table';

export interface FleetDeps {
  env: Record<string, string | undefined>;
  /** Replaces DefaultAzureCredential (tests). */
  credential?: () => Promise<TokenCredential>;
  stderrIsTTY: boolean;
  stderr(text: string): void;
  stdin: ReadStdin;
}

/** What was read, with the tenants' clients and the ARM endpoint for commands that ask ARM more (fleet plan). */
export type FleetReadWithAccess = FleetRead & { armEndpoint: string; access: readonly TenantAccess[] };

/** The ARM settings from the environment; a bad one is a usage error (exit 2). */
export function cliArmConfig(env: Record<string, string | undefined>) {
  try {
    return parseArmConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export async function readFleet(scope: ScopeOptions, deps: FleetDeps, now: Date): Promise<FleetReadWithAccess> {
  const config = cliArmConfig(deps.env);
  const tenants = await resolveTenants({
    config,
    env: deps.env,
    tenantIds: scope.tenant,
    credential: deps.credential ?? (() => defaultAzureCredential(config, deps.env)),
  });
  const progress = new Progress({ write: deps.stderr, isTTY: deps.stderrIsTTY }, !scope.quiet);
  const read = await collectFleet(tenants, {
    armEndpoint: config.armEndpoint,
    subscriptionIds: scope.subscription,
    now,
    progress,
  });
  return { ...read, armEndpoint: config.armEndpoint, access: tenants };
}

export const failureExit = (read: FleetRead) => (read.failures.length ? 2 : undefined);

export function failureSummary(read: FleetRead): string {
  if (!read.failures.length) return '';
  const throttled = read.failures.filter((f) => f.throttled).length;
  return `ca-trust: ${read.failures.length} tenant(s)/subscription(s) could not be read${
    throttled ? ` (${throttled} throttled)` : ''
  }; the answer above is incomplete\n`;
}

/** A CA in --json: what a script needs, with days left and status from the one `now` of the run. */
function certificateJson(certificate: FleetCertificate, now: Date) {
  return {
    displayName: certificate.displayName,
    subject: certificate.subject,
    issuer: certificate.issuer,
    sha256: certificate.sha256.toLowerCase(),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    daysLeft: daysLeft(certificate.notAfter, now),
    status: validityStatus(certificate, now),
  };
}

function clusterJson(cluster: FleetCluster, now: Date) {
  return { ...cluster, certificates: cluster.certificates.map((c) => certificateJson(c, now)) };
}

export async function fleetListCommand(raw: unknown, deps: FleetDeps): Promise<CommandOutput> {
  const options = parseOptions(listSchema, raw);
  const now = options.now ? parseNow(options.now) : new Date();
  const read = await readFleet(options, deps, now);
  const rows = inventoryRows(read.clusters, now);
  let stdout: string;
  if (options.json) {
    stdout =
      JSON.stringify(
        {
          generatedAt: now.toISOString(),
          clusters: read.clusters.map((c) => clusterJson(c, now)),
          failures: read.failures,
        },
        null,
        2,
      ) + '\n';
  } else if (options.csv) {
    // The very bytes the fleet page's "Inventory CSV" button gives for the same clusters and now.
    stdout = toCsv(rows);
  } else {
    stdout = table(
      ['TENANT', 'SUBSCRIPTION', 'RESOURCE GROUP', 'CLUSTER', 'CA', 'SHA-256', 'NOT AFTER', 'DAYS', 'STATUS'],
      rows.map((row) => [
        row.tenant,
        row.subscription,
        row.resourceGroup,
        row.cluster,
        row.sha256 ? row.caName : '(no custom CA)',
        row.sha256.slice(0, 16),
        row.notAfter.slice(0, 10),
        row.daysLeft === null ? '' : String(row.daysLeft),
        row.status,
      ]),
    );
    stdout += `${read.clusters.length} cluster(s)\n`;
  }
  return { stdout, stderr: failureSummary(read), exitCode: failureExit(read) ?? 0 };
}

export async function fleetExpiringCommand(raw: unknown, deps: FleetDeps): Promise<CommandOutput> {
  const options = parseOptions(expiringSchema, raw);
  const now = options.now ? parseNow(options.now) : new Date();
  const read = await readFleet(options, deps, now);
  const withinDays = options.within / DAY_MS;
  const expiring = expiringWithin(buildCaIndex(read.clusters, now), withinDays, now);
  const rows = caIndexRows(expiring);
  const byId = new Map(read.clusters.map((c) => [c.id, c]));
  const certificateOf = (cluster: string, sha256: string) =>
    byId.get(cluster)!.certificates.find((c) => c.sha256.toLowerCase() === sha256)!;
  let stdout: string;
  if (options.json) {
    stdout =
      JSON.stringify(
        {
          now: now.toISOString(),
          withinDays,
          expiring: expiring.flatMap((ca) =>
            ca.clusters.map((cluster) => ({
              tenantId: cluster.tenantId,
              tenantName: cluster.tenantName,
              subscriptionId: cluster.subscriptionId,
              subscriptionName: cluster.subscriptionName,
              resourceGroup: cluster.resourceGroup,
              cluster: cluster.name,
              clusterId: cluster.id,
              certificate: certificateJson(certificateOf(cluster.id, ca.sha256), now),
            })),
          ),
          clustersRead: read.clusters.length,
          failures: read.failures,
        },
        null,
        2,
      ) + '\n';
  } else if (rows.length) {
    stdout = table(
      ['STATUS', 'DAYS', 'NOT AFTER', 'CA', 'CLUSTER', 'RESOURCE GROUP', 'SUBSCRIPTION', 'TENANT'],
      rows.map((row) => [
        row.status,
        String(row.daysLeft),
        row.notAfter.slice(0, 10),
        row.caName,
        row.cluster,
        row.resourceGroup,
        row.subscription,
        row.tenant,
      ]),
    );
  } else {
    stdout = `no CA expires within ${withinDays} day(s) on ${read.clusters.length} cluster(s)\n`;
  }
  return { stdout, stderr: failureSummary(read), exitCode: failureExit(read) ?? (rows.length ? 1 : 0) };
}

/** The CA to look for: a SHA-256 fingerprint (colons optional) or a file (- for stdin) holding one certificate. */
async function targetFingerprint(target: string, stdin: ReadStdin): Promise<string> {
  const fingerprint = normalizeSha256(target);
  if (fingerprint) return fingerprint;
  const inputs = await readInputs([target], stdin).catch((error: unknown) => {
    if (error instanceof UsageError && /no such file/.test(error.message))
      throw new UsageError(`${target} is neither a SHA-256 fingerprint (64 hex digits) nor a readable file`);
    throw error;
  });
  const { certificates } = await readBundle(inputs, { now: new Date() });
  const distinct = [...new Set(certificates.map((c) => c.sha256.toLowerCase()))];
  if (distinct.length !== 1)
    throw new UsageError(
      `${target} holds ${distinct.length} certificates; give a file with exactly one, or its SHA-256 fingerprint`,
    );
  return distinct[0]!;
}

export async function fleetWhoTrustsCommand(target: string, raw: unknown, deps: FleetDeps): Promise<CommandOutput> {
  const options = parseOptions(whoTrustsSchema, raw);
  const sha256 = await targetFingerprint(target, deps.stdin);
  const now = new Date();
  const read = await readFleet(options, deps, now);
  const answer = whoTrusts(read.clusters, sha256);
  const clusters = options.missing ? answer.missing : answer.trusting;
  let stdout: string;
  if (options.json) {
    stdout =
      JSON.stringify(
        {
          sha256,
          certificate: answer.certificate && certificateJson(answer.certificate, now),
          [options.missing ? 'missing' : 'trusting']: clusters.map((c) => ({
            tenantId: c.tenantId,
            tenantName: c.tenantName,
            subscriptionId: c.subscriptionId,
            subscriptionName: c.subscriptionName,
            resourceGroup: c.resourceGroup,
            cluster: c.name,
            clusterId: c.id,
          })),
          clustersRead: read.clusters.length,
          failures: read.failures,
        },
        null,
        2,
      ) + '\n';
  } else {
    const name = answer.certificate ? `${answer.certificate.displayName} (${colonHex(sha256)})` : colonHex(sha256);
    const head = `${clusters.length} of ${read.clusters.length} cluster(s) ${options.missing ? 'do not trust' : 'trust'} ${name}\n`;
    stdout =
      head +
      (clusters.length
        ? table(
            ['CLUSTER', 'RESOURCE GROUP', 'SUBSCRIPTION', 'TENANT'],
            clusters.map((c) => [c.name, c.resourceGroup, c.subscriptionName, c.tenantName]),
          )
        : '');
  }
  return { stdout, stderr: failureSummary(read), exitCode: failureExit(read) ?? (clusters.length ? 0 : 1) };
}
