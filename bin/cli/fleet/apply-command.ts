/**
 * `ca-trust fleet apply plan.json`: the page's runner (lib/fleet/runner) with deps over lib/azure (one credential per
 * tenant, as the other fleet commands). Idempotent against ARM, so re-running it resumes. Progress on stderr, the
 * final JSON report on stdout. Exit 0 when every cluster succeeded or was already done, 1 when any failed,
 * conflicted or was skipped (or the run was interrupted), 2 on bad input (plan file, flags, credentials).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { ArmClients } from '../../../lib/azure/clients';
import { applyFleetCluster, fleetRolloutStatus, FleetRefusal, readFleetCluster } from '../../../lib/azure/fleet-run';
import { validateCaBundle } from '../../../lib/clusters/validate-ca-bundle';
import type { FleetPlan, PlannedCluster } from '../../../lib/fleet/plan';
import { parsePlanFile } from '../../../lib/fleet/plan/plan-file';
import {
  abortableSleep,
  createRunControl,
  FleetConflict,
  FLEET_CONFLICT_CODE,
  fleetRunReport,
  planWaves,
  runExitCode,
  runFleetPlan,
  type FleetRunDeps,
  type FleetRunView,
} from '../../../lib/fleet/runner';
import type { FleetClusterRef } from '../../../lib/fleet/types';
import type { CommandOutput } from '../commands';
import { UsageError } from '../inputs';
import { defaultAzureCredential, resolveTenants } from './access';
import { applySchema, type ApplyOptions } from './apply-options';
import { cliArmConfig, type FleetDeps } from './commands';
import { parseOptions } from './options';
import { humanPlan } from './plan-command';

async function readPlan(file: string, deps: FleetDeps): Promise<FleetPlan> {
  let text: string;
  try {
    text = file === '-' ? new TextDecoder().decode(await deps.stdin()) : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = await parsePlanFile(text);
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.message}`);
  return parsed.plan;
}

const refOf = ({ subscriptionId, resourceGroup, name }: FleetClusterRef) => ({ subscriptionId, resourceGroup, name });

/** The runner's deps over lib/azure: the same functions the page's server actions call. */
function azureDeps(clientsOf: (tenantId: string) => ArmClients, armEndpoint: string): FleetRunDeps {
  const read = (ref: FleetClusterRef) => readFleetCluster(clientsOf(ref.tenantId), refOf(ref));
  const refusal = (error: unknown) =>
    error instanceof FleetRefusal ? new Error(`${error.error.code}: ${error.error.message}`) : error;
  return {
    readCluster: read,
    async apply(cluster: PlannedCluster, pems: string[]) {
      const check = await validateCaBundle(pems, new Date());
      if (!check.ok) throw new Error(`CertificatesRefused: ${check.message}`);
      try {
        const handle = await applyFleetCluster(clientsOf(cluster.ref.tenantId), {
          cluster: refOf(cluster.ref),
          before: cluster.before,
          after: cluster.after,
          certificates: check.certificates,
        });
        return { operationUrl: handle.operationUrl };
      } catch (error) {
        if (error instanceof FleetRefusal && error.error.code === FLEET_CONFLICT_CODE) {
          const now = await read(cluster.ref);
          throw new FleetConflict(error.error.message, now.caBundleSha256, now.provisioningState);
        }
        throw refusal(error);
      }
    },
    async rolloutStatus(cluster, operationUrl) {
      try {
        return await fleetRolloutStatus(
          clientsOf(cluster.ref.tenantId),
          refOf(cluster.ref),
          operationUrl ?? null,
          armEndpoint,
        );
      } catch (error) {
        throw refusal(error);
      }
    },
    sleep: abortableSleep,
    now: () => new Date(),
  };
}

const seconds = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)}s` : `${Math.round(ms / 60_000)}m`);

/** One stderr line per change of a cluster's state (and of the wave); nothing when quiet. */
function progressPrinter(plan: FleetPlan, write: (text: string) => void) {
  const names = new Map(plan.clusters.map((c) => [c.ref.id, `${c.ref.name} (${c.ref.subscriptionName})`]));
  const last = new Map<string, string>();
  let wave: number | null = null;
  let phase = '';
  return (view: FleetRunView) => {
    if (view.currentWave !== wave && view.currentWave !== null)
      write(
        `ca-trust: wave ${view.currentWave + 1}/${view.waves.length}${view.currentWave === 0 ? ' (canary)' : ''}: ${view.waves[view.currentWave]!.length} cluster(s)\n`,
      );
    wave = view.currentWave;
    if (view.phase !== phase && view.phase === 'paused') write('ca-trust: paused\n');
    phase = view.phase;
    for (const [id, state] of Object.entries(view.clusters)) {
      if (state.state === 'blocked') continue;
      const detail =
        state.state === 'rolling-out'
          ? state.progress
            ? ` ${state.progress.done}/${state.progress.total} pools`
            : ''
          : state.state === 'succeeded'
            ? state.already
              ? ' (already done)'
              : ''
            : 'message' in state
              ? `: ${state.message}`
              : '';
      const line = `${state.state}${detail}`;
      if (last.get(id) === line) continue;
      last.set(id, line);
      if (state.state === 'waiting') continue;
      const left = view.estimatedRemainingMs ? `, about ${seconds(view.estimatedRemainingMs)} left` : '';
      write(`ca-trust: ${names.get(id)}: ${line} [${seconds(view.elapsedMs)} elapsed${left}]\n`);
    }
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

export interface ApplyIo {
  /** Whether stdin is a terminal (a question may be asked); default: process.stdin.isTTY. */
  stdinIsTTY?: boolean;
  ask?: (question: string) => Promise<boolean>;
  /** SIGINT/SIGTERM stop the run gracefully (no new applies, a report); tests leave it off. */
  handleSignals?: boolean;
}

export async function fleetApplyCommand(
  file: string,
  raw: unknown,
  deps: FleetDeps,
  io: ApplyIo = { handleSignals: true },
): Promise<CommandOutput> {
  const options: ApplyOptions = parseOptions(applySchema, raw);
  const plan = await readPlan(file, deps);
  const waves = planWaves(plan, { canary: options.canary ?? [], waveSize: options.waveSize });
  if (!waves.ok) throw new UsageError(`--canary: ${waves.message}`);
  const say = (text: string) => (options.quiet ? undefined : deps.stderr(text));

  const summary =
    humanPlan(plan) +
    `${waves.waves.length} wave(s): ${waves.waves.map((wave) => wave.length).join(', ')} cluster(s); at most ${options.parallel} rollout(s) at once${options.soak ? `, soak ${seconds(options.soak)} after each wave` : ''}\n`;
  if (!options.yes) {
    const interactive = io.stdinIsTTY ?? process.stdin.isTTY === true;
    if (!interactive) throw new UsageError('stdin is not a terminal: review the plan, then run again with --yes');
    deps.stderr(summary);
    if (!(await (io.ask ?? askOnTerminal)('Apply this plan? [y/N] ')))
      return { stdout: '', stderr: 'ca-trust: not applied\n', exitCode: 1 };
  } else say(summary);

  const config = cliArmConfig(deps.env);
  const tenantIds = [
    ...new Set(waves.waves.flat().map((id) => plan.clusters.find((c) => c.ref.id === id)!.ref.tenantId)),
  ];
  const access = tenantIds.length
    ? await resolveTenants({
        config,
        env: deps.env,
        tenantIds,
        credential: deps.credential ?? (() => defaultAzureCredential(config, deps.env)),
      })
    : [];
  const clients = new Map<string, ArmClients>();
  for (const tenant of access) {
    if (!('clients' in tenant)) throw new UsageError(tenant.error.message);
    clients.set(tenant.tenantId.toLowerCase(), tenant.clients);
  }
  const clientsOf = (tenantId: string) => {
    const found = clients.get(tenantId.toLowerCase());
    if (!found) throw new Error(`no credentials for tenant ${tenantId}`);
    return found;
  };

  const run = createRunControl();
  const onSignal = () => {
    deps.stderr('ca-trust: stopping: no new applies; running rollouts continue in Azure (run again to resume)\n');
    run.abort();
  };
  if (io.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const print = progressPrinter(plan, say);
  try {
    const view = await runFleetPlan(
      plan,
      {
        canary: options.canary ?? [],
        waveSize: options.waveSize,
        parallel: options.parallel,
        soakMs: options.soak,
        pollMs: options.poll,
      },
      azureDeps(clientsOf, config.armEndpoint),
      run.control,
      print,
    );
    const report = fleetRunReport(plan, view);
    const { counts } = report;
    say(
      `ca-trust: ${view.phase}${view.stopReason ? ` (${view.stopReason})` : ''}: ${counts.succeeded} succeeded (${counts.alreadyDone} already done), ${counts.failed} failed, ${counts.conflict} conflict(s), ${counts.skipped} skipped, ${counts.blocked} blocked, ${counts['rolling-out']} still rolling out\n`,
    );
    return { stdout: JSON.stringify(report, null, 2) + '\n', stderr: '', exitCode: runExitCode(report) };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
