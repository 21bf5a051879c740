import { getConfig } from '@/lib/config';
import { armClients } from '@/lib/azure/clients';
import { streamInventory } from '@/lib/azure/inventory-stream';
import { bearerTokenSchema } from '@/lib/azure/run-action';
import { logRoute } from '@/lib/log/action-log';

export const dynamic = 'force-dynamic';

/**
 * The fleet inventory as NDJSON, one event per line as each subscription answers. A Route Handler rather than
 * server actions, because Next.js dispatches a client's server actions one at a time and this fans out.
 */
async function inventory(request: Request): Promise<Response> {
  const token = bearerTokenSchema.safeParse(
    request.headers.get('authorization')?.replace(/^Bearer /i, '') ?? undefined,
  );
  if (!token.success) {
    return Response.json(
      { error: { code: 'SignInRequired', message: token.error.issues[0]!.message } },
      { status: 401 },
    );
  }
  const events = streamInventory(armClients(token.data), getConfig().armEndpoint);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** One JSON log line per request, when the stream ends (lib/log). */
export const POST = logRoute('/api/inventory', inventory);
