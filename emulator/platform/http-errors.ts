/**
 * Error answers that never crash and never leak a stack: ARM's error shape for ARM-looking and control paths,
 * OAuth's for Entra paths.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const ENTRA_PATH = /^\/[^/]+\/(oauth2|v2\.0|discovery)\//i;

export function armError(code: string, message: string) {
  return { error: { code, message } };
}

function isEntraPath(path: string): boolean {
  return ENTRA_PATH.test(path);
}

export const notFound: NotFoundHandler = (c: Context) => {
  const path = c.req.path;
  if (isEntraPath(path)) {
    return c.json(
      {
        error: 'invalid_request',
        error_description: `AADSTS900561: The endpoint ${path} is not served by the emulator.`,
      },
      404,
    );
  }
  if (path.startsWith('/_emulator')) {
    return c.json(armError('NotFound', `No control endpoint ${c.req.method} ${path}.`), 404);
  }
  return c.json(
    armError('NotFound', `The requested path '${path}' (${c.req.method}) is not an ARM route served by the emulator.`),
    404,
  );
};

export function createErrorHandler(log: (line: string) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      const message = error.message || 'The request is invalid.';
      return isEntraPath(c.req.path)
        ? c.json({ error: 'invalid_request', error_description: message }, error.status)
        : c.json(armError('BadRequest', message), error.status);
    }
    log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`);
    if (isEntraPath(c.req.path)) {
      return c.json(
        { error: 'server_error', error_description: 'AADSTS90000: The emulator hit an internal error.' },
        500,
      );
    }
    return c.json(armError('InternalServerError', 'The emulator hit an internal error; see its log.'), 500);
  };
}
