/** `ca-trust fleet plan` flags, validated with zod: exactly one change, at most one filter of each kind (exit 2). */
import { z } from 'zod';
import { normalizeSha256 } from '../../../lib/fleet';
import { scopeSchema } from './options';

const fingerprint = () =>
  z.string().transform((value, context) => {
    const sha256 = normalizeSha256(value);
    if (!sha256)
      context.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 80)}" is not a SHA-256 fingerprint (64 hex digits, colons allowed)`,
      });
    return sha256 ?? '';
  });

const WHERE = /^(trusts|missing):(.*)$/;

export const planSchema = scopeSchema
  .extend({
    add: z.array(z.string().min(1)).min(1).optional(),
    remove: z.array(fingerprint()).min(1).optional(),
    replace: z
      .string()
      .regex(/^[^=]+=.+$/, 'must be SHA256=FILE: the fingerprint of the CA to replace, then the file of its successor')
      .optional(),
    baseline: z.string().min(1).optional(),
    where: z.array(z.string().regex(WHERE, 'must be trusts:SHA256 or missing:SHA256')).max(2).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    out: z.string().min(1).optional(),
    json: z.boolean().optional(),
    now: z.string().optional(),
  })
  .refine(
    (o) => [o.add, o.remove, o.replace, o.baseline].filter((v) => v !== undefined).length === 1,
    'give exactly one change: --add FILE…, --remove SHA256…, --replace SHA256=FILE or --baseline FILE',
  )
  .refine((o) => (o.tenant?.length ?? 0) <= 1, {
    message: 'a plan is for one tenant or all: give --tenant once',
    path: ['tenant'],
  })
  .refine((o) => (o.subscription?.length ?? 0) <= 1, {
    message: 'a plan is for one subscription or all: give --subscription once',
    path: ['subscription'],
  });

export type PlanOptions = z.infer<typeof planSchema>;

/** `--where trusts:X --where missing:Y` as target fields; a repeated kind or a bad fingerprint is a usage error. */
export function whereFilters(where: readonly string[] = []): { trusts?: string; missing?: string } | string {
  const out: { trusts?: string; missing?: string } = {};
  for (const filter of where) {
    const [, kind, value] = WHERE.exec(filter)! as unknown as [string, 'trusts' | 'missing', string];
    const sha256 = normalizeSha256(value);
    if (!sha256) return `--where: "${filter.slice(0, 90)}" must name a SHA-256 fingerprint (64 hex digits)`;
    if (out[kind]) return `--where: give ${kind}: once`;
    out[kind] = sha256;
  }
  return out;
}
