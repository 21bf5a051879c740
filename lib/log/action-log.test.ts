import { createHttpHeaders, type HttpClient } from '@azure/core-rest-pipeline';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const lines: Record<string, unknown>[] = [];
vi.mock('./logger', () => ({
  logger: () => ({
    info: (fields: Record<string, unknown>) => lines.push({ level: 'info', ...fields }),
    debug: (fields: Record<string, unknown>) => lines.push({ level: 'debug', ...fields }),
    error: (fields: Record<string, unknown>) => lines.push({ level: 'error', ...fields }),
  }),
}));

const { logAction, logRoute } = await import('./action-log');
const { armCallPolicy } = await import('./arm-call-policy');
const { currentArmCallSink } = await import('./request-context');

const credential = { getToken: async () => ({ token: 'a.b.c', expiresOnTimestamp: Date.now() + 60_000 }) };

/** A ContainerServiceClient answering like ARM, with ARM's id headers, noting into the current sink. */
function armClient(status: number) {
  const httpClient: HttpClient = {
    sendRequest: async (request) => ({
      request,
      status,
      headers: createHttpHeaders({
        'content-type': 'application/json',
        'x-ms-request-id': 'req-1',
        'x-ms-correlation-request-id': 'corr-1',
      }),
      bodyAsText: status === 200 ? '{"name":"aks"}' : '{"error":{"code":"ResourceNotFound","message":"x"}}',
    }),
  };
  const sink = currentArmCallSink();
  return new ContainerServiceClient(credential, '00000000-0000-4000-8000-000000000000', {
    endpoint: 'https://management.azure.com',
    httpClient,
    retryOptions: { maxRetries: 0 },
    additionalPolicies: sink ? [{ policy: armCallPolicy(sink), position: 'perRetry' }] : [],
  });
}

beforeEach(() => {
  lines.length = 0;
});

describe('logAction', () => {
  it('writes one line per action with duration, outcome and ARM ids, never the arguments', async () => {
    const result = await logAction('getCluster', async () => {
      await armClient(200).managedClusters.get('rg', 'aks');
      return { ok: true, data: { secret: 'do-not-log' } };
    });
    expect(result.ok).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: 'action',
      action: 'getCluster',
      outcome: 'ok',
      armCalls: 1,
      armStatus: 200,
      arm: [{ method: 'GET', status: 200, requestId: 'req-1', correlationId: 'corr-1' }],
    });
    expect(lines[0]!.armMs).toBeGreaterThanOrEqual(0);
    expect(lines[0]!.armMs).toBeLessThanOrEqual(lines[0]!.durationMs as number);
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(JSON.stringify(lines[0])).not.toContain('do-not-log');
  });

  it('says failed with the code and status of a failed result, and notes ARM errors too', async () => {
    await logAction('getCluster', async () => {
      await armClient(404)
        .managedClusters.get('rg', 'aks')
        .catch(() => undefined);
      return { ok: false, error: { code: 'ResourceNotFound', status: 404, message: 'x' } };
    });
    expect(lines[0]).toMatchObject({ outcome: 'failed', code: 'ResourceNotFound', status: 404, armStatus: 404 });
  });

  it('says threw when the body throws, and rethrows', async () => {
    await expect(logAction('x', async () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom');
    expect(lines[0]).toMatchObject({ level: 'error', outcome: 'threw', errorName: 'TypeError' });
  });
});

describe('logRoute', () => {
  it('writes the line when a streamed body ends, with its status', async () => {
    const handler = logRoute('/api/x', async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('a\n'));
          controller.close();
        },
      });
      return new Response(body, { status: 200 });
    });
    const response = await handler(new Request('http://localhost/api/x', { method: 'POST' }));
    expect(lines).toHaveLength(0);
    expect(await response.text()).toBe('a\n');
    expect(lines).toEqual([expect.objectContaining({ kind: 'route', route: '/api/x', method: 'POST', status: 200 })]);
  });

  it('logs a body-less answer at once, at the level asked', async () => {
    const handler = logRoute('/api/health', async () => new Response(null, { status: 503 }), { level: 'debug' });
    await handler(new Request('http://localhost/api/health'));
    expect(lines).toEqual([expect.objectContaining({ level: 'debug', status: 503, outcome: 'failed' })]);
  });
});
