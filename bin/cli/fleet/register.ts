/** Registers `ca-trust fleet list | expiring | who-trusts` on the program. */
import { Command, Option } from 'commander';
import type { CommandOutput } from '../commands';
import type { FleetDeps } from './commands';
import { registerFleetApply } from './apply-register';
import { registerFleetPlan } from './plan-register';

// Loaded on use: lint/payload/decode start without the Azure SDK (and without lib/azure's server-only marker).
const commands = () => import('./commands');

const collect = (value: string, previous: string[] = []) => [...previous, value];

function scoped(command: Command): Command {
  return command
    .option('--tenant <id>', 'only this tenant (repeat for more); default: every tenant the credentials reach', collect)
    .option('--subscription <id>', 'only this subscription (repeat for more)', collect)
    .option('--quiet', 'no progress on stderr');
}

export function registerFleet(
  program: Command,
  deps: () => FleetDeps,
  run: (output: Promise<CommandOutput>) => Promise<void>,
): void {
  const fleet = program
    .command('fleet')
    .description(
      'read every AKS cluster your Azure credentials reach (DefaultAzureCredential, or ARM_ACCESS_TOKEN for one tenant) and report on their CAs',
    );

  scoped(fleet.command('list'))
    .description('every cluster with its CAs; exit 2 when a tenant or subscription could not be read')
    .option('--json', 'print one JSON object: clusters with decoded CAs, and failures')
    .option('--csv', "print CSV, one row per cluster and CA (the fleet page's Inventory CSV)")
    .option('--now <iso-8601>', 'judge days left and status at this time instead of the current time')
    .action((options) => run(commands().then((c) => c.fleetListCommand(options, deps()))));

  scoped(fleet.command('expiring'))
    .description(
      'CAs that expire within the window or have expired; exit 1 when there are any, 0 when none, 2 on bad input or an unread subscription',
    )
    .addOption(new Option('--within <duration>', 'window, e.g. 30d, 12h, 2w').makeOptionMandatory())
    .option('--json', 'print one JSON object')
    .option('--now <iso-8601>', 'judge expiry at this time instead of the current time')
    .action((options) => run(commands().then((c) => c.fleetExpiringCommand(options, deps()))));

  scoped(fleet.command('who-trusts'))
    .description(
      'clusters that trust a CA (or with --missing, do not); exit 0 when any cluster matches, 1 when none, 2 on bad input or an unread subscription',
    )
    .argument(
      '<sha256-or-file>',
      'SHA-256 fingerprint of the DER (colons optional), or a certificate file (- for stdin)',
    )
    .option('--missing', 'list the clusters that do not trust it')
    .option('--json', 'print one JSON object')
    .action((target: string, options) => run(commands().then((c) => c.fleetWhoTrustsCommand(target, options, deps()))));

  registerFleetPlan(fleet, deps, run);
  registerFleetApply(fleet, deps, run);
}
