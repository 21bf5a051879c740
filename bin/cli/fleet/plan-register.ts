/** Registers `ca-trust fleet plan` on the `fleet` command (the command's code loads on use). */
import type { Command } from 'commander';
import type { CommandOutput } from '../commands';
import type { FleetDeps } from './commands';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerFleetPlan(
  fleet: Command,
  deps: () => FleetDeps,
  run: (output: Promise<CommandOutput>) => Promise<void>,
): void {
  fleet
    .command('plan')
    .description(
      'plan one change across the fleet (add, remove, replace a CA, or trust exactly a baseline): per cluster the resulting bundle, its diff, findings, Linux nodes replaced and what blocks it; exit 0 with a plan, 2 on bad input or an unread subscription',
    )
    .option('--add <file...>', 'add the certificates in these files (- for stdin) where they are missing')
    .option('--remove <sha256...>', 'remove these CAs (SHA-256 of the DER, colons optional)')
    .option(
      '--replace <sha256=file>',
      'replace the CA with this fingerprint by the certificate in the file, where it is trusted',
    )
    .option('--baseline <file>', 'make each cluster trust exactly the certificates in the file')
    .option('--where <filter>', 'trusts:SHA256 or missing:SHA256 (each at most once)', collect)
    .option('--tenant <id>', 'only this tenant (read and planned)', collect)
    .option('--subscription <id>', 'only this subscription (read and planned)', collect)
    .option('--name <glob>', 'only clusters whose name matches (* and ?, case-insensitive)')
    .option('--out <file>', 'write the plan file (JSON) for `ca-trust fleet apply` or the fleet page')
    .option('--json', 'print the plan file on stdout instead of the table')
    .option('--now <iso-8601>', 'judge certificates at this time instead of the current time')
    .option('--quiet', 'no progress on stderr')
    .action((options) => run(import('./plan-command').then((c) => c.fleetPlanCommand(options, deps()))));
}
