/**
 * The loader against the emulator's ARM budgets (250 reads per subscription and principal, 25 per second):
 * when a subscription's budget is nearly spent (by the user's other tools), listing it slows down instead of
 * running into 429s. Without the pacing policy the same listing gets throttled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBSCRIPTIONS } from '../../emulator/directory';
import { httpsClient } from '../../emulator/testing/https-client';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { parseArmConfig } from '../config';
import { armClientsFor } from './clients';
import { staticTokenCredential } from './credential';
import { listClusters } from './inventory';

vi.mock('server-only', () => ({}));

const PROD = SUBSCRIPTIONS[0]!.subscriptionId;
let emulator: RunningEmulator;
let dataDir: string;
let get: ReturnType<typeof httpsClient>;
const statuses: number[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'read-pacing-'));
  emulator = await startEmulator({
    port: 0,
    dataDir,
    log: (line) => {
      const match = /^GET \/subscriptions\/\S+ (\d{3}) /.exec(line);
      if (match) statuses.push(Number(match[1]));
    },
  });
  get = httpsClient(emulator.caPem);
});

afterAll(async () => {
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('read pacing against ARM budgets', () => {
  it('a subscription whose read budget is nearly spent is listed page by page without a 429', async () => {
    await get(`${emulator.baseUrl}/_emulator/settings`, { method: 'PUT', json: { pageSize: 1 } });
    const token = (await get(`${emulator.baseUrl}/_emulator/token`, { json: { persona: 'owner' } })).json<{
      access_token: string;
    }>().access_token;
    const list = `${emulator.baseUrl}/subscriptions/${PROD}/providers/Microsoft.ContainerService/managedClusters?api-version=2025-01-01`;
    // Another tool of the same user spends the budget, down to one read left.
    let remaining = 250;
    while (remaining > 1) {
      const batch = await Promise.all(
        Array.from({ length: Math.max(1, Math.min(50, remaining - 1)) }, () =>
          get(list, { headers: { authorization: `Bearer ${token}` } }),
        ),
      );
      expect(batch.every((r) => r.status === 200)).toBe(true);
      remaining = Math.min(...batch.map((r) => Number(r.header('x-ms-ratelimit-remaining-subscription-reads'))));
    }
    statuses.length = 0;

    const config = parseArmConfig({ ARM_ENDPOINT: emulator.baseUrl, ARM_CA_FILE: emulator.caFile });
    const clients = armClientsFor(staticTokenCredential(token), config);
    const clusters = await listClusters(clients, PROD);
    // and then four views of it at once (tabs, or a CLI beside the dashboard): without pacing, 20 reads at ~1 token
    const again = await Promise.all(Array.from({ length: 4 }, () => listClusters(clients, PROD)));

    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(clusters.length).toBe(5); // contoso-prod, one page per cluster
    expect(again.every((list) => list.length === 5)).toBe(true);
    expect(statuses.length).toBe(25); // every page read once: no retries
    expect(clients.pacer.stats.delayedReads).toBeGreaterThan(0);
  }, 30_000);
});
