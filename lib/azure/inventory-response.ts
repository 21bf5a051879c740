/** The inventory's NDJSON response body: CA lists sent once, gzip with a flush per event when accepted. */
import 'server-only';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { constants, createGzip } from 'node:zlib';
import { CaBundleEncoder } from '../inventory/wire';
import type { InventoryEvent } from './inventory-stream';

/** Whether the client takes gzip (`Accept-Encoding`, honouring `q=0`). */
export function acceptsGzip(header: string | null): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Each event as NDJSON lines, each distinct CA list sent once (lib/inventory/wire.ts). */
export async function* ndjsonLines(events: AsyncGenerator<InventoryEvent>): AsyncGenerator<string> {
  const encoder = new CaBundleEncoder();
  for await (const event of events) {
    yield encoder
      .encode(event)
      .map((line) => `${JSON.stringify(line)}\n`)
      .join('');
  }
}

/**
 * gzip that flushes after every event, so each subscription reaches the page as soon as ARM answers it.
 */
export function gzipStream(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const gzip = createGzip({ level: 6 });
  gzip.on('close', () => void lines.return(undefined));
  void (async () => {
    try {
      for await (const chunk of lines) {
        if (gzip.destroyed) return;
        if (!gzip.write(chunk)) await once(gzip, 'drain');
        await new Promise<void>((resolve) => gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()));
      }
      gzip.end();
    } catch (error) {
      gzip.destroy(error as Error);
    }
  })();
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>;
}

export function plainStream(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
