/**
 * Harness for SDK-against-emulator tests: starts the real HTTPS emulator in a temporary data directory, fetches
 * persona tokens from `/_emulator/token`, and builds the real Azure SDK clients trusting the emulator's CA.
 * `close()` stops the emulator and removes the directory.
 */
import { request } from 'node:https';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import { startEmulator, type RunningEmulator } from '../server';
import { temporaryDirectory } from './temporary-directory';

export const ARM_SCOPE = 'https://management.azure.com/.default';

export interface Harness {
  emulator: RunningEmulator;
  token(persona: string, tenantId?: string): Promise<string>;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** A plain HTTPS GET of an absolute emulator URL with a bearer token. */
  armGet(url: string, token: string): Promise<{ status: number; body: unknown }>;
  containerService(token: string, subscriptionId: string): ContainerServiceClient;
  subscriptions(token: string): SubscriptionClient;
  /** Stops the emulator and removes its data directory. */
  close(): Promise<void>;
}

function httpsJson(
  url: string,
  method: string,
  ca: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
    const req = request(url, { method, ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export function staticCredential(token: string): TokenCredential {
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

export async function startHarness(msPerBatch = 15): Promise<Harness> {
  const dataDir = temporaryDirectory('aks-emulator-sdk-');
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ port: 0, dataDir: dataDir.path, msPerBatch, quiet: true });
  } catch (error) {
    dataDir.remove();
    throw error;
  }
  const clientOptions = {
    endpoint: emulator.baseUrl,
    credentials: { scopes: [ARM_SCOPE] },
    tlsOptions: { ca: emulator.caPem },
    retryOptions: { maxRetryDelayInMs: 2000 },
  };
  return {
    emulator,
    async token(persona, tenantId) {
      const r = await httpsJson(`${emulator.baseUrl}/_emulator/token`, 'POST', emulator.caPem, {
        persona,
        ...(tenantId ? { tenantId } : {}),
      });
      if (r.status !== 200) throw new Error(`token for ${persona}: HTTP ${r.status}`);
      return (r.body as { access_token: string }).access_token;
    },
    control: (method, path, body) => httpsJson(`${emulator.baseUrl}/_emulator${path}`, method, emulator.caPem, body),
    armGet: (url, token) => httpsJson(url, 'GET', emulator.caPem, undefined, token),
    containerService: (token, subscriptionId) =>
      new ContainerServiceClient(staticCredential(token), subscriptionId, clientOptions),
    subscriptions: (token) => new SubscriptionClient(staticCredential(token), clientOptions),
    async close() {
      try {
        await emulator.close();
      } finally {
        dataDir.remove();
      }
    },
  };
}
