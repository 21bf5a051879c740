/** The control API (mounted by the platform under /_emulator): reset, faults, failing rollouts, speed, settings. */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { ArmContext } from '../context';
import { faultInputSchema } from '../http/faults';
import { isTerminal } from '../state/types';
import { autoscaleRoute, autoscaleSchema } from './autoscale';
import { rolloutHistory } from './rollout-history';
import { failNextSchema, settingsSchema, speedSchema } from './schemas';

function controlError(c: Context, status: 400 | 404 | 500, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

async function parse<S extends z.ZodType>(
  c: Context,
  schema: S,
  emptyAllowed = false,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  let value: unknown = {};
  const text = await c.req.text();
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, response: controlError(c, 400, 'InvalidJson', 'The body is not valid JSON.') };
    }
  } else if (!emptyAllowed) {
    value = {};
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'body';
    return { ok: false, response: controlError(c, 400, 'InvalidRequest', `${where}: ${issue.message}`) };
  }
  return { ok: true, data: parsed.data };
}

export function summarize(ctx: ArmContext) {
  const { state } = ctx.store;
  const pools = state.clusters.flatMap((c) => c.pools);
  return {
    subscriptions: state.subscriptions.length,
    resourceGroups: state.resourceGroups.length,
    clusters: state.clusters.length,
    agentPools: pools.length,
    machines: pools.reduce((sum, p) => sum + p.machines.length, 0),
    operations: {
      total: state.operations.length,
      running: state.operations.filter((o) => !isTerminal(o.status)).length,
    },
    clustersByProvisioningState: state.clusters.reduce<Record<string, number>>((acc, c) => {
      acc[c.provisioningState] = (acc[c.provisioningState] ?? 0) + 1;
      return acc;
    }, {}),
  };
}

function settingsView(ctx: ArmContext) {
  return {
    ...ctx.settings,
    msPerBatch: ctx.simulator.msPerBatch,
    readBucket: ctx.budgets.readBucket,
    writeBucket: ctx.budgets.writeBucket,
  };
}

export function createControl(ctx: ArmContext, reset: () => Promise<void>): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    console.error(`[arm] control API error: ${error instanceof Error ? error.message : String(error)}`);
    return controlError(c, 500, 'InternalError', 'The control request failed.');
  });

  app.post('/reset', async (c) => {
    await reset();
    return c.json({ reset: true, summary: summarize(ctx) });
  });

  app.get('/faults', (c) => c.json({ value: ctx.faults.list() }));
  app.post('/faults', async (c) => {
    const input = await parse(c, faultInputSchema);
    if (!input.ok) return input.response;
    return c.json(ctx.faults.add(input.data), 201);
  });
  app.delete('/faults', (c) => {
    ctx.faults.clear();
    return c.body(null, 204);
  });
  app.delete('/faults/:id', (c) =>
    ctx.faults.remove(c.req.param('id')) ? c.body(null, 204) : controlError(c, 404, 'NotFound', 'No such fault.'),
  );

  app.post('/rollouts/fail-next', async (c) => {
    const input = await parse(c, failNextSchema);
    if (!input.ok) return input.response;
    const cluster = input.data.cluster;
    const failNext = ctx.simulator.failNext.arm({
      afterBatches: input.data.afterBatches,
      error: { code: input.data.code, message: input.data.message },
      ...(cluster ? { cluster: typeof cluster === 'string' ? { name: cluster } : cluster } : {}),
    });
    return c.json({ failNext }, 201);
  });
  app.get('/rollouts/fail-next', (c) => c.json({ failNext: ctx.simulator.failNext.pending() }));
  app.delete('/rollouts/fail-next', (c) => {
    ctx.simulator.failNext.clear();
    return c.body(null, 204);
  });

  app.get('/rollouts/history', (c) => c.json({ value: rolloutHistory(ctx) }));

  app.get('/speed', (c) => c.json({ msPerBatch: ctx.simulator.msPerBatch }));
  app.put('/speed', async (c) => {
    const input = await parse(c, speedSchema);
    if (!input.ok) return input.response;
    ctx.simulator.setSpeed(input.data.msPerBatch);
    return c.json({ msPerBatch: ctx.simulator.msPerBatch });
  });

  app.get('/settings', (c) => c.json(settingsView(ctx)));
  app.put('/settings', async (c) => {
    const input = await parse(c, settingsSchema);
    if (!input.ok) return input.response;
    const { readBucket, writeBucket, ...rest } = input.data;
    Object.assign(ctx.settings, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    if (readBucket || writeBucket)
      ctx.budgets.configure({
        ...(readBucket ? { read: readBucket } : {}),
        ...(writeBucket ? { write: writeBucket } : {}),
      });
    return c.json(settingsView(ctx));
  });

  app.put(
    '/autoscale',
    autoscaleRoute(ctx, (c) => parse(c, autoscaleSchema)),
  );

  app.get('/state/summary', (c) => c.json(summarize(ctx)));
  return app;
}
