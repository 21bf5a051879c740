import { Command, CommanderError, Option } from 'commander';
import { decodeCommand, lintCommand, payloadCommand, type CommandOutput } from './cli/commands';
import { UsageError } from './cli/inputs';

const nowOption = () => new Option('--now <iso-8601>', 'judge expiry at this time instead of the current time');

function buildProgram(run: (output: Promise<CommandOutput>) => Promise<void>): Command {
  const program = new Command('ca-trust')
    .description('Check and convert CA certificate bundles for AKS custom CA trust (securityProfile.customCATrustCertificates).')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('lint')
    .description('decode and check PEM/DER/PKCS#7 files (- reads stdin); exit 0 when there is no error, 1 when there is')
    .argument('<file...>', 'certificate files, or - for stdin')
    .option('--json', 'print one JSON object with certificates, findings and payload')
    .addOption(nowOption())
    .action((files: string[], options) => run(lintCommand(files, options)));

  program
    .command('payload')
    .description('print what ARM receives for customCATrustCertificates (a JSON array of base64 entries)')
    .argument('<file...>', 'certificate files, or - for stdin')
    .option('--az', 'print the file that az aks update --custom-ca-trust-certificates reads')
    .option('--terraform', 'print the HCL list for custom_ca_trust_certificates_base64')
    .addOption(nowOption())
    .action((files: string[], options) => run(payloadCommand(files, options)));

  program
    .command('decode')
    .description("print the PEM bundle in az aks show JSON, an ARM cluster resource or a JSON array of base64 entries")
    .argument('[file]', 'JSON file, or - for stdin (the default)')
    .addOption(nowOption())
    .action((file: string | undefined, options) => run(decodeCommand(file, options)));

  return program;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(async (pending) => {
    const output = await pending;
    if (output.stdout) process.stdout.write(output.stdout);
    if (output.stderr) process.stderr.write(output.stderr);
    exitCode = output.exitCode;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return 2;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`ca-trust: ${error.message}\n`);
      return 2;
    }
    process.stderr.write('ca-trust: unexpected internal error\n');
    return 2;
  }
}

process.exitCode = await main(process.argv);
