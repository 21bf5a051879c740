import { constants, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
vi.mock('server-only', () => ({}));
import { acceptsGzip, gzipStream, ndjsonLines, plainStream } from './inventory-response';
import type { InventoryEvent } from './inventory-stream';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const cluster = (name: string) => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}`,
  subscriptionId: 's',
  resourceGroup: 'rg',
  name,
  location: 'westeurope',
  eTag: null,
  provisioningState: 'Succeeded',
  powerState: 'Running',
  kubernetesVersion: '1.33.2',
  agentPools: [],
  caBundle: [PEM],
});

async function* events(gate?: Promise<void>): AsyncGenerator<InventoryEvent> {
  yield { type: 'subscriptions', subscriptions: [] };
  yield { type: 'clusters', subscriptionId: 's', clusters: [cluster('a'), cluster('b')] };
  await gate;
  yield { type: 'done' };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('inventory response body', () => {
  it('reads Accept-Encoding as HTTP does', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });

  it('sends a CA list shared by clusters once', async () => {
    const text = (await readAll(plainStream(ndjsonLines(events())))).toString();
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines.map((line) => line.type)).toEqual(['subscriptions', 'ca-list', 'clusters', 'done']);
    expect(text.split('MIIB')).toHaveLength(2);
  });

  it('gzips with a flush per event: the first subscription is readable before the stream ends', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const reader = gzipStream(ndjsonLines(events(gate))).getReader();
    let received = Buffer.alloc(0);
    while (!gunzipSync(received, { finishFlush: constants.Z_SYNC_FLUSH }).toString().includes('"clusters"')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      received = Buffer.concat([received, Buffer.from(value!)]);
    }
    open();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received = Buffer.concat([received, Buffer.from(value)]);
    }
    const lines = gunzipSync(received).toString().trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual([
      'subscriptions',
      'ca-list',
      'clusters',
      'done',
    ]);
  });
});
