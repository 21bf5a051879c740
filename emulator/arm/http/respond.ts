/** Building ARM responses: JSON bodies and errors in ARM's shape. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ArmError } from './errors';

export function json(c: Context, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(body as object, status as ContentfulStatusCode);
}

export function armError(c: Context, error: ArmError): Response {
  return json(c, error.status, error.body(), error.headers);
}

/** Any thrown value becomes an ARM error response; unexpected ones are 500 without internals. */
export function errorToResponse(c: Context, error: unknown): Response {
  if (error instanceof ArmError) return armError(c, error);
  console.error(
    `[arm] unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`,
  );
  return armError(
    c,
    new ArmError(500, 'InternalServerError', 'The server encountered an internal error. Please retry the request.'),
  );
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
