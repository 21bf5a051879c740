import 'server-only';
import pino, { type Logger } from 'pino';
import { z } from 'zod';

/**
 * What must never reach a log line, wherever it sits: tokens (an action's `token` argument, authorization headers,
 * cookies) and certificate bodies (PEM lists). The log helpers never pass arguments or bodies in the first place;
 * this list is the second line of defence.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'cookie',
  'certificates',
  '*.certificates',
  'pem',
  '*.pem',
  'pems',
  '*.pems',
  'caBundle',
  '*.caBundle',
  'args',
  'body',
  '*.body',
];

const logEnvironment = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: z.string().trim().min(1).optional(),
});

/** The logger options and destination from LOG_LEVEL and LOG_FILE (stdout when unset). */
export function createLogger(env: Readonly<Record<string, string | undefined>>, destination?: pino.DestinationStream) {
  const parsed = logEnvironment.safeParse({
    LOG_LEVEL: env.LOG_LEVEL || undefined,
    LOG_FILE: env.LOG_FILE || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])}: ${issue.message}`);
  }
  const { LOG_LEVEL, LOG_FILE } = parsed.data;
  return pino(
    {
      level: LOG_LEVEL,
      base: { service: 'aks-ca-trust' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: LOG_FILE ?? 1, sync: true, mkdir: LOG_FILE !== undefined, append: true }),
  );
}

let cached: Logger | undefined;

/** The process's logger (JSON lines; LOG_LEVEL, LOG_FILE). */
export function logger(): Logger {
  cached ??= createLogger(process.env);
  return cached;
}
