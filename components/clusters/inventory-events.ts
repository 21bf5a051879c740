/**
 * Reads the inventory's NDJSON stream; each line's shape is checked before use. The stream comes from our own
 * route (app/api/inventory), which built it from ARM answers it validated with zod; here a small hand-written
 * guard is enough and keeps zod out of the browser.
 */
import type { InventoryEvent } from '@/lib/azure/inventory-stream';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, type: 'string' | 'number') => value === undefined || typeof value === type;

function isError(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.code === 'string' &&
    typeof value.message === 'string' &&
    optional(value.status, 'number') &&
    optional(value.target, 'string')
  );
}

export function isInventoryEvent(value: unknown): value is InventoryEvent {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'subscriptions':
      return Array.isArray(value.subscriptions);
    case 'clusters':
      return typeof value.subscriptionId === 'string' && Array.isArray(value.clusters);
    case 'subscription-failed':
      return typeof value.subscriptionId === 'string' && isError(value.error);
    case 'failed':
      return isError(value.error);
    case 'done':
      return true;
    default:
      return false;
  }
}

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
      const event: unknown = JSON.parse(line);
      if (isInventoryEvent(event)) yield event;
    }
    if (done) return;
  }
}
