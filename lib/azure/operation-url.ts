/**
 * The one check between an operation URL that came back from the browser (the caller's private rollout handle)
 * and the caller's token. ARM's Azure-AsyncOperation URL is used verbatim, as core-lro and az do (azure-facts
 * §13: signed `t`, `c`, `s`, `h` parameters bound to the caller, ~3.6 KB), so the check is strict about the string
 * itself rather than rebuilding it:
 * - at most 8 KB, printable ASCII only (no spaces, backslashes, control or non-ASCII characters);
 * - it starts with exactly the configured ARM origin (no userinfo, no other host or port);
 * - the path is exactly `/subscriptions/{guid}/providers/Microsoft.ContainerService/locations/{loc}/operations/{id}`
 *   (no percent-encoding, no dot segments, no extra slashes);
 * - the query holds only `api-version`, `t`, `c`, `s`, `h`, each at most once, with plain values (RFC 3986
 *   unreserved characters); no fragment.
 * Anything else is refused before a request is made. Pure.
 */
import 'server-only';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OPERATION_PATH = new RegExp(
  `^/subscriptions/(${GUID})/providers/Microsoft\\.ContainerService/locations/([a-z0-9]{1,64})/operations/([a-z0-9-]{1,128})$`,
  'i',
);
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const PLAIN_VALUE = /^[A-Za-z0-9._~-]{1,8192}$/;
const ALLOWED_PARAMETERS = new Set(['api-version', 't', 'c', 's', 'h']);

export const MAX_OPERATION_URL_LENGTH = 8192;

export interface OperationRef {
  subscriptionId: string;
  location: string;
  operationId: string;
  /** The URL to read: the one that came in, verbatim (plus `api-version` when it had none, as core-lro does). */
  url: string;
}

export type OperationUrlCheck = { ok: true; operation: OperationRef } | { ok: false; reason: string };

const refuse = (reason: string): OperationUrlCheck => ({
  ok: false,
  reason: `The operation URL was refused: ${reason}.`,
});

function armOrigin(armEndpoint: string): string | null {
  try {
    return new URL(armEndpoint).origin;
  } catch {
    return null;
  }
}

/** `defaultApiVersion` is appended only when the URL has no api-version (core-lro does the same). */
export function checkOperationUrl(
  raw: string,
  armEndpoint: string,
  defaultApiVersion = '2025-03-01',
): OperationUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('it is empty');
  if (raw.length > MAX_OPERATION_URL_LENGTH) return refuse(`it is longer than ${MAX_OPERATION_URL_LENGTH} characters`);
  // Printable ASCII only: URL parsers normalise backslashes, tabs, newlines and non-ASCII characters in surprising ways.
  if (!/^[\x21-\x7e]+$/.test(raw) || raw.includes('\\'))
    return refuse('it contains backslashes, spaces, control or non-ASCII characters');
  if (raw.includes('#')) return refuse('it has a fragment');
  const origin = armOrigin(armEndpoint);
  if (!origin) return refuse('the configured Azure Resource Manager endpoint is not a URL');
  if (!/^https:\/\//i.test(raw)) return refuse('it is not https');
  const authority = /^https:\/\/([^/?#]*)/i.exec(raw)?.[1] ?? '';
  if (authority.includes('@')) return refuse('it carries user information');
  if (!raw.startsWith(`${origin}/`))
    return refuse(`it is not on the configured Azure Resource Manager endpoint (${new URL(origin).host})`);

  const rest = raw.slice(origin.length);
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const query = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  if (/%|\/\.\.?(\/|$)|\/\//.test(path)) return refuse('its path is encoded or has dot segments');
  const match = OPERATION_PATH.exec(path);
  if (!match)
    return refuse(
      'its path is not an operation status path (/subscriptions/{id}/providers/Microsoft.ContainerService/locations/{location}/operations/{id})',
    );

  const seen = new Set<string>();
  for (const pair of query === '' ? [] : query.split('&')) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    if (!ALLOWED_PARAMETERS.has(name))
      return refuse(
        `its query has a parameter other than api-version, t, c, s and h (${name.slice(0, 40) || 'empty'})`,
      );
    if (seen.has(name)) return refuse(`its query repeats ${name}`);
    seen.add(name);
    if (!PLAIN_VALUE.test(value)) return refuse(`its ${name} parameter is not a plain value`);
    if (name === 'api-version' && !API_VERSION.test(value)) return refuse('its api-version is not a date version');
    if (name === 't' && !/^\d{1,20}$/.test(value)) return refuse('its t parameter is not a number of ticks');
  }
  const [, subscriptionId, location, operationId] = match as unknown as [string, string, string, string];
  const url = seen.has('api-version')
    ? raw
    : `${raw}${query === '' ? (queryAt < 0 ? '?' : '') : '&'}api-version=${defaultApiVersion}`;
  return {
    ok: true,
    operation: {
      subscriptionId: subscriptionId.toLowerCase(),
      location: location.toLowerCase(),
      operationId: operationId.toLowerCase(),
      url,
    },
  };
}
