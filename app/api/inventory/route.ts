import { getConfig } from '@/lib/config';
import { armClients } from '@/lib/azure/clients';
import { acceptsGzip, gzipStream, ndjsonLines, plainStream } from '@/lib/azure/inventory-response';
import { streamInventory } from '@/lib/azure/inventory-stream';
import { bearerTokenSchema } from '@/lib/azure/run-action';

export const dynamic = 'force-dynamic';

/**
 * The fleet inventory of the token's tenant as NDJSON, one event per line as each subscription answers. A Route
 * Handler rather than server actions, because Next.js dispatches a client's server actions one at a time and this
 * fans out. Compressed with gzip when the client accepts it.
 */
export async function POST(request: Request): Promise<Response> {
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
  const gzip = acceptsGzip(request.headers.get('accept-encoding'));
  return new Response(gzip ? gzipStream(lines) : plainStream(lines), {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
  });
}
