/** `ca-trust fleet apply` flags, validated with zod (exit 2 on a bad one). */
import { z } from 'zod';

const SPAN = /^(\d{1,7})(ms|s|m|h)?$/;
const SPAN_MS: Record<string, number> = { ms: 1, '': 1000, s: 1000, m: 60_000, h: 3_600_000 };

/** `10m`, `30s`, `1h`, `500ms` or a bare number of seconds, as milliseconds. */
export const spanSchema = z
  .string()
  .trim()
  .regex(SPAN, 'must be a time such as 10m, 30s, 1h or 500ms')
  .transform((value) => {
    const [, amount, unit] = SPAN.exec(value)!;
    return Number(amount) * SPAN_MS[unit ?? '']!;
  });

const whole = (flag: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, `${flag} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= 1, `${flag} must be at least 1`);

export const applySchema = z.object({
  canary: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
  waveSize: whole('--wave-size').default(5),
  parallel: whole('--parallel').default(2),
  soak: spanSchema.default(0),
  poll: spanSchema.refine((ms) => ms >= 100, 'must be at least 100ms').default(15_000),
  yes: z.boolean().optional(),
  quiet: z.boolean().optional(),
});

export type ApplyOptions = z.infer<typeof applySchema>;
