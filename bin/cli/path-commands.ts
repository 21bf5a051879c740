import { Option, type Command } from 'commander';
import type { CommandOutput } from './commands';
import type { ReadStdin } from './inputs';
import { probeCommand } from './probe';
import { verifyCommand } from './verify';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const purposeOption = () =>
  new Option('--purpose <purpose>', 'what the certificate is for (default server)').choices(['server', 'client']);
const atOption = () => new Option('--at <iso-8601>', 'validate at this time instead of now');

/** `verify` and `probe`: will a node that trusts the bundle accept this server (Go's crypto/x509 rules)? */
export function registerPathCommands(
  program: Command,
  stdin: ReadStdin,
  run: (output: Promise<CommandOutput>) => Promise<void>,
): void {
  program
    .command('verify')
    .description(
      "validate a certificate chain against a CA bundle as Go's crypto/x509 does (containerd, kubelet); exit 0 trusted, 1 not trusted, 2 bad input",
    )
    .requiredOption('--trust <file>', 'the trust anchors (any file lib/pki reads; repeat for more)', collect)
    .option('--chain <file>', 'the chain the server sends, its own certificate first (or intermediates with --leaf)')
    .option('--leaf <file>', 'the peer certificate, when --chain holds only intermediates')
    .option('--host <name>', 'expected DNS name (or IP address) of the peer')
    .option('--ip <address>', 'expected IP address of the peer')
    .addOption(atOption())
    .addOption(purposeOption())
    .option('--max-depth <n>', 'longest path accepted, in certificates (Go has no limit)')
    .option('--json', 'print {"trusted","path","findings"}')
    .action((options) => run(verifyCommand(options, stdin)));

  program
    .command('probe')
    .description(
      'connect to HOST[:PORT] (default 443), take the chain it presents and validate it against the bundle with the same rules as verify',
    )
    .argument('<target>', 'HOST[:PORT]')
    .requiredOption('--trust <file>', 'the trust anchors (repeat for more)', collect)
    .option('--servername <name>', 'SNI name and the name checked (default HOST)')
    .addOption(atOption())
    .addOption(purposeOption())
    .option('--json', 'print {"trusted","path","findings"}')
    .action((target: string, options) => run(probeCommand(target, options, stdin)));
}
