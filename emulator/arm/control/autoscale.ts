/**
 * `PUT /_emulator/autoscale`: the cluster autoscaler changes an autoscaled pool's count (and its machines at once),
 * so that a client's stale full-model PUT meets AKS's refusal (azure-facts §13).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { ArmContext } from '../context';

export const autoscaleSchema = z
  .object({
    subscriptionId: z.string().min(1),
    resourceGroup: z.string().min(1),
    name: z.string().min(1),
    pool: z.string().min(1),
    count: z.number().int().min(0).max(1000),
  })
  .strict();

type Answer = { status: 200 | 400 | 404 | 409; body: Record<string, unknown> };

function problem(status: 400 | 404 | 409, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } };
}

export function autoscale(ctx: ArmContext, input: z.infer<typeof autoscaleSchema>): Answer {
  const cluster = ctx.store.cluster(input.subscriptionId, input.resourceGroup, input.name);
  if (!cluster) return problem(404, 'NotFound', 'No such cluster.');
  const pool = cluster.pools.find((p) => p.name.toLowerCase() === input.pool.toLowerCase());
  if (!pool) return problem(404, 'NotFound', 'No such agent pool.');
  if (!pool.enableAutoScaling)
    return problem(400, 'InvalidRequest', `pool: '${pool.name}' does not have the cluster autoscaler enabled.`);
  if (input.count < (pool.minCount ?? 0) || input.count > (pool.maxCount ?? 1000)) {
    return problem(
      400,
      'InvalidRequest',
      `count: must be within the pool's minCount ${pool.minCount} and maxCount ${pool.maxCount}.`,
    );
  }
  if (cluster.activeOperationId)
    return problem(409, 'Conflict', 'An operation is running on the cluster; the emulated autoscaler waits for it.');
  ctx.store.scalePool(cluster, pool.name, input.count, ctx.clock.now());
  return { status: 200, body: { pool: pool.name, count: pool.count, machines: pool.machines.length } };
}

export function autoscaleRoute(
  ctx: ArmContext,
  parse: (
    c: Context,
  ) => Promise<{ ok: true; data: z.infer<typeof autoscaleSchema> } | { ok: false; response: Response }>,
) {
  return async (c: Context) => {
    const input = await parse(c);
    if (!input.ok) return input.response;
    const answer = autoscale(ctx, input.data);
    return c.json(answer.body, answer.status);
  };
}
