import { Command, CommanderError, Option } from 'commander';
import { decodeCommand, lintCommand, payloadCommand, type CommandOutput } from './commands';
import type { FleetDeps } from './fleet/commands';
import { registerFleet } from './fleet/register';
import { UsageError, type ReadStdin } from './inputs';
import { registerPathCommands } from './path-commands';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin: ReadStdin;
  /** For the fleet commands: the environment (default process.env), a credential (tests), whether stderr is a terminal. */
  fleet?: Partial<Pick<FleetDeps, 'env' | 'credential' | 'stderrIsTTY'>>;
}

const nowOption = () => new Option('--now <iso-8601>', 'judge expiry at this time instead of the current time');

function buildProgram(io: CliIo, run: (output: Promise<CommandOutput>) => Promise<void>): Command {
  const program = new Command('ca-trust')
    .description(
      'Check and convert CA certificate bundles for AKS custom CA trust (securityProfile.customCATrustCertificates).',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('lint')
    .description(
      'decode and check PEM/DER/PKCS#7 files (- reads stdin); exit 0 when there is no error, 1 when there is',
    )
    .argument('<file...>', 'certificate files, or - for stdin')
    .option('--json', 'print one JSON object with certificates, findings and payload')
    .addOption(nowOption())
    .action((files: string[], options) => run(lintCommand(files, options, io.stdin)));

  program
    .command('payload')
    .description('print what ARM receives for customCATrustCertificates (a JSON array of base64 entries)')
    .argument('<file...>', 'certificate files, or - for stdin')
    .option('--az', 'print the file that az aks update --custom-ca-trust-certificates reads')
    .option('--terraform', 'print the HCL list for custom_ca_trust_certificates_base64')
    .addOption(nowOption())
    .action((files: string[], options) => run(payloadCommand(files, options, io.stdin)));

  program
    .command('decode')
    .description('print the PEM bundle in az aks show JSON, an ARM cluster resource or a JSON array of base64 entries')
    .argument('[file]', 'JSON file, or - for stdin (the default)')
    .addOption(nowOption())
    .action((file: string | undefined, options) => run(decodeCommand(file, options, io.stdin)));

  registerFleet(
    program,
    () => ({
      env: io.fleet?.env ?? process.env,
      credential: io.fleet?.credential,
      stderrIsTTY: io.fleet?.stderrIsTTY ?? false,
      stderr: io.stderr,
      stdin: io.stdin,
    }),
    run,
  );

  registerPathCommands(program, io.stdin, run);
  return program;
}

/** Runs the command line and returns its exit code: 0 no error, 1 error findings (fleet: see bin/cli/fleet), 2 usage error. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, async (pending) => {
    const output = await pending;
    if (output.stdout) io.stdout(output.stdout);
    if (output.stderr) io.stderr(output.stderr);
    exitCode = output.exitCode;
  });
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr(`ca-trust: ${error.message}\n`);
      return 2;
    }
    io.stderr('ca-trust: unexpected internal error\n');
    return 2;
  }
}
