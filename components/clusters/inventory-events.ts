/** Reads the inventory's NDJSON stream; each line is checked before use. */
import { z } from 'zod';
import type { InventoryEvent } from '@/lib/azure/inventory-stream';

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().optional(),
  target: z.string().optional(),
});
const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscriptions'), subscriptions: z.array(z.any()) }),
  z.object({ type: z.literal('clusters'), subscriptionId: z.string(), clusters: z.array(z.any()) }),
  z.object({ type: z.literal('subscription-failed'), subscriptionId: z.string(), error: errorSchema }),
  z.object({ type: z.literal('failed'), error: errorSchema }),
  z.object({ type: z.literal('done') }),
]);

export async function* readInventoryStream(body: ReadableStream<Uint8Array>): AsyncGenerator<InventoryEvent> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split('\n');
    buffer = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      const parsed = eventSchema.safeParse(JSON.parse(line));
      if (parsed.success) yield parsed.data as InventoryEvent;
    }
    if (done) return;
  }
}
