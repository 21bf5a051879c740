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

export const BAD_ACTION_REQUEST_MESSAGE = 'BadRequest: the arguments of this server action cannot be read.';

/**
 * A reference of React's reply encoding that a single JSON body can hold (`$$` escapes a `$`; dates, big integers,
 * undefined and the non-finite numbers are inline). Anything else (`$Q1`, `$@2`, `$F`…) points at a part only a
 * multipart body has, and Next answers 500 when it is missing.
 */
const INLINE_REFERENCE = /^\$(\$|undefined$|D|n-?\d|Infinity$|-Infinity$|NaN$|-0$)/;

function inlineOnly(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return !value.startsWith('$') || INLINE_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((item) => inlineOnly(item, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).every((item) => inlineOnly(item, depth + 1));
  return true;
}

/**
 * Whether a server action's body is one Next can decode: a JSON array of arguments (what Next's client sends for
 * plain arguments) with only inline references, or a multipart body holding its root part `0`. What Next would
 * fail on with a 500 (not JSON, a dangling reference, a multipart body without its root) is refused with a 400.
 */
export async function isReadableActionBody(contentType: string, body: ArrayBuffer): Promise<boolean> {
  if (contentType.startsWith('multipart/form-data')) {
    try {
      const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
      return form.has('0');
    } catch {
      return false;
    }
  }
  if (contentType !== '' && !contentType.startsWith('text/plain')) return true; // not a fetch action: Next's own path
  try {
    const args: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return Array.isArray(args) && inlineOnly(args);
  } catch {
    return false;
  }
}
