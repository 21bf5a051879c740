/** The emulator CLI's options, validated with zod: a bad value is one line naming the option. */
import { z } from 'zod';
import type { FleetOptions } from '../contract';

const integer = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `expected ${what}`);

const fleet = z
  .string()
  .trim()
  .regex(/^\d{1,4}x\d{1,4}$/i, 'expected SUBSCRIPTIONSxCLUSTERS, e.g. 50x40')
  .transform((value): FleetOptions => {
    const [subscriptions, clusters] = value.toLowerCase().split('x').map(Number) as [number, number];
    return { subscriptions, clustersPerSubscription: clusters };
  })
  .refine((f) => f.subscriptions >= 1 && f.clustersPerSubscription >= 1, 'expected at least 1x1');

export const cliOptionsSchema = z.object({
  port: integer(0, 65535, 'a port number from 0 to 65535'),
  host: z.string().trim().min(1, 'expected a host name or address'),
  dataDir: z.string().trim().min(1, 'expected a directory').optional(),
  state: z.string().trim().min(1, 'expected a file path').optional(),
  fleet: fleet.optional(),
  latency: integer(0, 600_000, 'milliseconds from 0 to 600000').optional(),
  msPerBatch: integer(0, 3_600_000, 'milliseconds from 0 to 3600000').optional(),
  readBucket: z
    .string()
    .trim()
    .regex(/^\d{1,9}\/\d{1,9}$/, 'expected SIZE/REFILL_PER_SECOND, e.g. 250/25')
    .transform((v) => {
      const [size, refillPerSecond] = v.split('/').map(Number) as [number, number];
      return { size, refillPerSecond };
    })
    .refine((b) => b.size >= 1 && b.refillPerSecond >= 1, 'size and refill must be at least 1')
    .optional(),
  quiet: z.boolean().default(false),
});

export type CliOptions = z.infer<typeof cliOptionsSchema>;

const FLAG_BY_KEY: Record<string, string> = {
  port: '--port (or EMULATOR_PORT)',
  host: '--host',
  dataDir: '--data-dir',
  state: '--state',
  fleet: '--fleet',
  latency: '--latency',
  msPerBatch: '--ms-per-batch',
  readBucket: '--read-bucket',
  quiet: '--quiet',
};

export function parseCliOptions(
  raw: Record<string, unknown>,
): { ok: true; options: CliOptions } | { ok: false; message: string } {
  const parsed = cliOptionsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, options: parsed.data };
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const value = raw[key];
  return { ok: false, message: `${FLAG_BY_KEY[key] ?? key}: ${issue.message}, got '${String(value)}'` };
}
