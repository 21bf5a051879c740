import 'server-only';
import { request } from 'node:https';
import { armHttpsAgent } from './tls';

export interface JsonResponse {
  status: number;
  body: unknown;
}

const TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * A small JSON request over https that trusts ARM_CA_FILE. For calls outside the Azure SDK (the emulator's
 * demo endpoints); ARM itself is reached through the SDK clients in lib/azure/clients.ts.
 */
export function httpsJson(url: string, init: { method?: string; body?: unknown } = {}): Promise<JsonResponse> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        agent: armHttpsAgent(),
        timeout: TIMEOUT_MS,
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) req.destroy(new Error(`response from ${new URL(url).host} is larger than 4 MiB`));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch {
            reject(new Error(`${new URL(url).host} answered ${res.statusCode} with a body that is not JSON`));
          }
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${new URL(url).host} did not answer within ${TIMEOUT_MS / 1000} s`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}
