import 'server-only';
import { headers } from 'next/headers';
import { logger } from './logger';
import { ArmCallSink, runWithArmCallSink } from './request-context';

interface ActionOutcome {
  ok: boolean;
  error?: { code: string; armCode?: string; status?: number };
}

const isOutcome = (value: unknown): value is ActionOutcome =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/** A proxy's or load balancer's request id (x-request-id), to join our line with theirs; bounded and plain. */
function incomingRequestId(value: string | null | undefined): string | undefined {
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

async function actionRequestId(): Promise<string | undefined> {
  try {
    return incomingRequestId((await headers()).get('x-request-id'));
  } catch {
    return undefined; // not inside a request (tests, scripts)
  }
}

const elapsedMs = (start: bigint) => Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;

/**
 * Runs one server action and writes one JSON line: name, duration, outcome (`ok`, `failed` with the error's code
 * and status, or `threw`), and ARM's request ids. Never its arguments or its result.
 */
export async function logAction<T>(name: string, body: () => Promise<T>): Promise<T> {
  const sink = new ArmCallSink();
  const start = process.hrtime.bigint();
  const requestId = await actionRequestId();
  try {
    const result = await runWithArmCallSink(sink, body);
    const outcome = isOutcome(result) ? result : undefined;
    logger().info(
      {
        kind: 'action',
        action: name,
        requestId,
        durationMs: elapsedMs(start),
        outcome: outcome && !outcome.ok ? 'failed' : 'ok',
        ...(outcome?.error
          ? { code: outcome.error.code, armCode: outcome.error.armCode, status: outcome.error.status }
          : {}),
        ...sink.fields(),
      },
      `action ${name}`,
    );
    return result;
  } catch (error) {
    logger().error(
      {
        kind: 'action',
        action: name,
        requestId,
        durationMs: elapsedMs(start),
        outcome: 'threw',
        errorName: (error as Error)?.name,
        ...sink.fields(),
      },
      `action ${name}`,
    );
    throw error;
  }
}

/**
 * Wraps a route handler: one JSON line per request when its response ends (a streamed body is followed to its end
 * or cancellation), with the route, method, status, duration and ARM's request ids.
 */
export function logRoute<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Promise<Response>,
  options: { level?: 'info' | 'debug' } = {},
): (request: Request, ...rest: A) => Promise<Response> {
  const level = options.level ?? 'info';
  return async (request, ...rest) => {
    const sink = new ArmCallSink();
    const start = process.hrtime.bigint();
    const line = (status: number, outcome: string) =>
      logger()[level](
        {
          kind: 'route',
          route,
          method: request.method,
          status,
          durationMs: elapsedMs(start),
          outcome,
          ...sink.fields(),
        },
        `route ${request.method} ${route}`,
      );
    let response: Response;
    try {
      response = await runWithArmCallSink(sink, () => handler(request, ...rest));
    } catch (error) {
      line(500, 'threw');
      throw error;
    }
    if (!response.body) {
      line(response.status, response.ok ? 'ok' : 'failed');
      return response;
    }
    let ended = false;
    const end = (outcome: string) => {
      if (ended) return;
      ended = true;
      line(response.status, outcome);
    };
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await reader.read();
          if (next.done) {
            end(response.ok ? 'ok' : 'failed');
            controller.close();
          } else controller.enqueue(next.value);
        } catch (error) {
          end('stream-error');
          controller.error(error);
        }
      },
      async cancel(reason) {
        end('canceled');
        await reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
