import { getConfig } from '@/lib/config';
import { armClients } from '@/lib/azure/clients';
import { acceptsGzip, gzipStream, ndjsonLines, plainStream } from '@/lib/azure/inventory-response';
import { streamInventory } from '@/lib/azure/inventory-stream';
import { bearerTokenSchema } from '@/lib/azure/run-action';
import { logRoute } from '@/lib/log/action-log';
import { INVENTORY_ENCODING_REQUEST, INVENTORY_ENCODING_RESPONSE } from '@/lib/inventory/wire';

export const dynamic = 'force-dynamic';

/**
 * The fleet inventory of the token's tenant as NDJSON, one event per line as each subscription answers. A Route
 * Handler rather than server actions, because Next.js dispatches a client's server actions one at a time and this
 * fans out. Compressed with gzip when the page asks for it (`x-inventory-accept-encoding: gzip`).
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
  const lines = ndjsonLines(streamInventory(armClients(token.data), getConfig().armEndpoint));
  // Next 16 drops Content-Encoding from a Route Handler's response (server/send-response.js) and its standalone
  // server does not compress NDJSON, so the page asks for a gzip body itself and inflates it with
  // DecompressionStream: the same bytes on the wire as HTTP gzip, flushed per event.
  const gzip = acceptsGzip(request.headers.get(INVENTORY_ENCODING_REQUEST));
  return new Response(gzip ? gzipStream(lines) : plainStream(lines), {
    headers: {
      'content-type': gzip ? 'application/gzip' : 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      vary: INVENTORY_ENCODING_REQUEST,
      ...(gzip ? { [INVENTORY_ENCODING_RESPONSE]: 'gzip' } : {}),
    },
  });
}

/** One JSON log line per request, when the stream ends (lib/log). */
export const POST = logRoute('/api/inventory', inventory);
