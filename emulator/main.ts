/**
 * `npm run emulator`: starts the local Azure emulator and prints the environment the app and shells need.
 * Logs go to stderr; the `export` lines go to stdout. Stops cleanly on SIGINT/SIGTERM.
 */
import { Command, CommanderError } from 'commander';
import { appEnvironmentFor } from './app-environment';
import { parseCliOptions } from './platform/cli-options';
import { startEmulator, type RunningEmulator } from './server';

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function environmentLines(emulator: RunningEmulator): string[] {
  return Object.entries(appEnvironmentFor(emulator.baseUrl, emulator.caFile)).map(
    ([name, value]) => `export ${name}=${shellQuote(value)}`,
  );
}

function fail(message: string, code: number): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const program = new Command()
    .name('npm run emulator --')
    .description('Local Azure emulator: HTTPS ARM subset + Entra ID v2.0 look-alike on loopback')
    .option('--port <n>', 'port to listen on (0 = any free port)', process.env.EMULATOR_PORT ?? '8443')
    .option('--host <address>', 'loopback address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'TLS material and signing key (default .emulator/ at the repo root)')
    .option('--state <file>', 'persist ARM state to this JSON file across restarts')
    .option('--fleet <SxC>', 'generate a fleet of S subscriptions x C clusters, e.g. 50x40')
    .option('--latency <ms>', 'latency added to every ARM request')
    .option('--ms-per-batch <ms>', 'rollout speed: milliseconds per batch of node replacements')
    .option(
      '--read-bucket <size/refill>',
      "ARM's read token bucket per subscription and principal (default 250/25: 250 tokens, 25 per second)",
    )
    .option('--quiet', 'no request log')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    throw error;
  }
  const parsed = parseCliOptions(program.opts());
  if (!parsed.ok) fail(parsed.message, 2);
  const o = parsed.options;

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: o.port,
      host: o.host,
      dataDir: o.dataDir,
      stateFile: o.state,
      fleet: o.fleet,
      latencyMs: o.latency,
      msPerBatch: o.msPerBatch,
      readBucket: o.readBucket,
      quiet: o.quiet,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 1);
  }

  process.stdout.write(
    [
      `# Local Azure emulator on ${emulator.baseUrl} (Ctrl-C stops it)`,
      `# ARM, Entra ID authority ${emulator.baseUrl}/organizations, control API ${emulator.baseUrl}/_emulator`,
      `# Token for curl: TOKEN=$(npm run --silent emulator:token -- owner${o.port === 8443 ? '' : ` --port ${emulator.port}`})`,
      ...environmentLines(emulator),
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`[emulator] ${signal}: stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`error while stopping: ${error instanceof Error ? error.message : String(error)}`, 1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
