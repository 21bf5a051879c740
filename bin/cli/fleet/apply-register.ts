/** Registers `ca-trust fleet apply` on the `fleet` command (the command's code loads on use). */
import type { Command } from 'commander';
import type { CommandOutput } from '../commands';
import type { FleetDeps } from './commands';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerFleetApply(
  fleet: Command,
  deps: () => FleetDeps,
  run: (output: Promise<CommandOutput>) => Promise<void>,
): void {
  fleet
    .command('apply')
    .description(
      'run a plan file wave by wave (canary first, at most --parallel rollouts at once, stop on failure); resumes where an earlier run stopped; progress on stderr, a JSON report on stdout; exit 0 when every cluster succeeded or was already done, 1 when any failed, conflicted or was skipped, 2 on bad input',
    )
    .argument('<plan.json>', 'the plan file from `ca-trust fleet plan --out` or the fleet page (- for stdin)')
    .option(
      '--canary <name>',
      'canary cluster, by name or ARM id (repeat for more); default: the first cluster to apply',
      collect,
    )
    .option('--wave-size <n>', 'clusters per wave after the canary (default 5)')
    .option('--parallel <m>', 'at most this many rollouts at once (default 2)')
    .option('--soak <time>', 'wait after each wave, e.g. 10m (default 0)')
    .option('--poll <time>', 'how often a rollout is polled (default 15s)')
    .option('--yes', 'apply without asking (required when stdin is not a terminal)')
    .option('--quiet', 'no progress on stderr')
    .action((file: string, options) =>
      run(import('./apply-command').then((c) => c.fleetApplyCommand(file, options, deps()))),
    );
}
