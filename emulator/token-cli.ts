/**
 * `npm run --silent emulator:token -- PERSONA [--tenant ID] [--port N] [--scope S] [--data-dir DIR]`: prints an ARM
 * bearer token for a persona from the running emulator, like `az account get-access-token --query accessToken`.
 * Trusts the emulator's CA through the https Agent `ca` option. Only the token goes to stdout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './tls';
import { PERSONAS } from './directory';

const optionsSchema = z.object({
  persona: z.string().min(1),
  tenant: z.string().min(1).optional(),
  scope: z.string().min(1).optional(),
  port: z.coerce.number().int().min(1).max(65535),
  dataDir: z.string().min(1),
});

const responseSchema = z.object({ access_token: z.string().min(1) });
const errorSchema = z.object({ error: z.object({ message: z.string() }) });

function fail(message: string, code = 1): never {
  process.stderr.write(`emulator:token: ${message}\n`);
  process.exit(code);
}

function post(url: string, ca: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', ca, headers: { 'content-type': 'application/json' }, timeout: 10_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const program = new Command()
    .name('npm run --silent emulator:token --')
    .argument('<persona>', `persona id: ${PERSONAS.map((p) => p.id).join(', ')}`)
    .option('--tenant <id>', 'tenant id (default: the persona home tenant)')
    .option('--scope <scope>', 'scope (default https://management.azure.com/user_impersonation)')
    .option('--port <n>', 'emulator port', process.env.EMULATOR_PORT ?? '8443')
    .option('--data-dir <dir>', 'emulator data dir holding ca.pem', DEFAULT_DATA_DIR)
    .exitOverride();
  try {
    program.parse(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    throw error;
  }
  const parsed = optionsSchema.safeParse({ persona: program.args[0], ...program.opts() });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}`, 2);
  }
  const { persona, tenant, scope, port, dataDir } = parsed.data;
  const caFile = join(dataDir, 'ca.pem');
  if (!existsSync(caFile)) fail(`no emulator CA at ${caFile}; start the emulator first: npm run emulator`);
  const baseUrl = `https://localhost:${port}`;
  let answer: { status: number; text: string };
  try {
    answer = await post(
      `${baseUrl}/_emulator/token`,
      readFileSync(caFile, 'utf8'),
      JSON.stringify({ persona, tenantId: tenant, scope }),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === 'ECONNREFUSED') fail(`the emulator is not running at ${baseUrl} (start it with: npm run emulator)`);
    fail(`cannot reach the emulator at ${baseUrl}: ${code}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    fail(`unexpected answer from ${baseUrl} (HTTP ${answer.status}); is it the emulator?`);
  }
  const ok = responseSchema.safeParse(json);
  if (answer.status === 200 && ok.success) {
    process.stdout.write(`${ok.data.access_token}\n`);
    return;
  }
  const problem = errorSchema.safeParse(json);
  fail(problem.success ? problem.data.error.message : `HTTP ${answer.status} from ${baseUrl}/_emulator/token`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
