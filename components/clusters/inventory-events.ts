/** Reads the inventory's NDJSON stream (lib/inventory/wire.ts); each line is checked before use. */
import { z } from 'zod';
import { CaListDecoder, type InventoryEvent, type InventoryWireEvent } from '@/lib/inventory/wire';

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().optional(),
  target: z.string().optional(),
});
const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscriptions'), subscriptions: z.array(z.any()) }),
  z.object({ type: z.literal('ca-list'), id: z.number().int().nonnegative(), entries: z.array(z.string()) }),
  z.object({
    type: z.literal('clusters'),
    subscriptionId: z.string(),
    clusters: z.array(z.object({ caList: z.number().int().nonnegative() }).passthrough()),
  }),
  z.object({ type: z.literal('subscription-failed'), subscriptionId: z.string(), error: errorSchema }),
  z.object({ type: z.literal('failed'), error: errorSchema }),
  z.object({ type: z.literal('done') }),
]);

export async function* readInventoryStream(body: ReadableStream<Uint8Array>): AsyncGenerator<InventoryEvent> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  const decoder = new CaListDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split('\n');
    buffer = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      const parsed = eventSchema.safeParse(JSON.parse(line));
      if (!parsed.success) continue;
      const event = decoder.decode(parsed.data as InventoryWireEvent);
      if (event) yield event;
    }
    if (done) return;
  }
}
