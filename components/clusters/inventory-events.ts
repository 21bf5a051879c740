/**
 * Reads the inventory's NDJSON stream (lib/inventory/wire.ts); each line's shape is checked before use. The stream comes from our own
 * route (app/api/inventory), which built it from ARM answers it validated with zod; here a small hand-written
 * guard is enough and keeps zod out of the browser.
 */
import { isActionErrorCode } from '@/lib/action-errors';
import { CaBundleDecoder, type InventoryEvent, type InventoryWireEvent } from '@/lib/inventory/wire';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, type: 'string' | 'number') => value === undefined || typeof value === type;

function isError(value: unknown): boolean {
  return (
    isObject(value) &&
    isActionErrorCode(value.code) &&
    optional(value.armCode, 'string') &&
    typeof value.message === 'string' &&
    optional(value.status, 'number') &&
    optional(value.target, 'string')
  );
}

const isListId = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function isInventoryWireEvent(value: unknown): value is InventoryWireEvent {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'subscriptions':
      return Array.isArray(value.subscriptions);
    case 'ca-list':
      return (
        isListId(value.id) && Array.isArray(value.entries) && value.entries.every((entry) => typeof entry === 'string')
      );
    case 'clusters':
      return (
        typeof value.subscriptionId === 'string' &&
        Array.isArray(value.clusters) &&
        value.clusters.every((cluster) => isObject(cluster) && isListId(cluster.caList))
      );
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
  const decoder = new CaBundleDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split('\n');
    buffer = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      const wire: unknown = JSON.parse(line);
      if (!isInventoryWireEvent(wire)) continue;
      const event = decoder.decode(wire);
      if (event) yield event;
    }
    if (done) return;
  }
}
