/**
 * Requests answered before Next routes them, so that no input becomes a 500: a server-action body over the limit
 * (Next itself would answer 500 with a digest) and a path whose percent-encoding does not decode.
 */

/** next.config.mjs `experimental.serverActions.bodySizeLimit` (1 MB, Next's default), in bytes. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The body of the 413 a too-large server action gets. Next's client throws an Error with a text/plain body as its
 * message; components/clusters/client-error.ts maps this prefix to the `RequestTooLarge` code.
 */
export const REQUEST_TOO_LARGE_PREFIX = 'RequestTooLarge:';
export const REQUEST_TOO_LARGE_MESSAGE = `${REQUEST_TOO_LARGE_PREFIX} the request is larger than the server accepts (1 MB).`;

/** Whether a server-action POST declares a body over the limit (browsers always send Content-Length for actions). */
export function isOversizeAction(method: string, headers: Headers): boolean {
  if (method !== 'POST' || !headers.has('next-action')) return false;
  const length = Number(headers.get('content-length'));
  return Number.isFinite(length) && length > ACTION_BODY_LIMIT_BYTES;
}

/** Whether every segment of a path decodes (`/clusters/%E0%A4%A/x/y` does not: Next's router would answer 500). */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
