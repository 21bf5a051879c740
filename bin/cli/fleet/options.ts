/** The fleet commands' flags, validated with zod: one clear message per bad flag (exit 2). */
import { z } from 'zod';
import { UsageError } from '../inputs';

const guid = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `each ${what} must be a GUID`);

const DURATION = /^(\d{1,5})([dhw]?)$/;
const UNIT_MS: Record<string, number> = { '': 86_400_000, d: 86_400_000, h: 3_600_000, w: 7 * 86_400_000 };

/** `30d`, `12h`, `2w` or a bare number of days, as milliseconds. */
export const durationSchema = z
  .string()
  .trim()
  .regex(DURATION, 'must be a duration such as 30d, 12h or 2w (days, hours or weeks)')
  .transform((value) => {
    const [, amount, unit] = DURATION.exec(value)!;
    return Number(amount) * UNIT_MS[unit!]!;
  });

export const scopeSchema = z.object({
  tenant: z.array(guid('--tenant')).optional(),
  subscription: z.array(guid('--subscription')).optional(),
  quiet: z.boolean().optional(),
});

export const listSchema = scopeSchema
  .extend({ json: z.boolean().optional(), csv: z.boolean().optional(), now: z.string().optional() })
  .refine((o) => !(o.json && o.csv), 'choose one of --json and --csv');

export const expiringSchema = scopeSchema.extend({
  within: durationSchema,
  json: z.boolean().optional(),
  now: z.string().optional(),
});

export const whoTrustsSchema = scopeSchema.extend({
  missing: z.boolean().optional(),
  json: z.boolean().optional(),
});

export type ScopeOptions = z.infer<typeof scopeSchema>;

/** Parses commander's options with a schema; the first problem becomes a UsageError naming the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = issue?.path.length ? `--${String(issue.path[0])}` : 'options';
  throw new UsageError(`${flag}: ${issue?.message ?? 'invalid value'}`);
}
