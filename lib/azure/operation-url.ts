/**
 * The one check between an operation URL that came back from the browser (inside a rollout handle) and the
 * caller's token: the URL must be ARM's operation status resource on the configured ARM endpoint. Anything else
 * is refused before a request is made. The URL that is used is rebuilt from the parts that passed, never the
 * string that came in. Pure.
 */

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OPERATION_PATH = new RegExp(`^/subscriptions/(${GUID})/providers/Microsoft\\.ContainerService/locations/([a-z0-9]{1,64})/operations/([a-z0-9-]{1,128})$`, 'i');
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
/** What @azure/arm-containerservice 25.5.0 sends; used when the URL carries no usable api-version. */
export const DEFAULT_OPERATION_API_VERSION = '2026-06-01';

export interface OperationRef {
  subscriptionId: string;
  location: string;
  operationId: string;
  /** The rebuilt URL: configured ARM origin + the checked path + api-version. */
  url: string;
}

export type OperationUrlCheck = { ok: true; operation: OperationRef } | { ok: false; reason: string };

const refuse = (reason: string): OperationUrlCheck => ({ ok: false, reason: `The operation URL was refused: ${reason}.` });

export function checkOperationUrl(raw: string, armEndpoint: string): OperationUrlCheck {
  if (raw.length > 2048) return refuse('it is too long');
  // Backslashes, whitespace and control characters are normalised away by URL parsers in surprising ways.
  if (/[\\\s\u0000-\u001f\u007f]/.test(raw)) return refuse('it contains backslashes, spaces or control characters');
  let url: URL;
  let arm: URL;
  try {
    url = new URL(raw);
    arm = new URL(armEndpoint);
  } catch {
    return refuse('it is not an absolute URL');
  }
  if (url.protocol !== 'https:') return refuse('it is not https');
  if (url.username || url.password || /^https:\/\/[^/?#]*@/i.test(raw)) return refuse('it carries user information');
  if (url.protocol !== arm.protocol || url.hostname !== arm.hostname || url.port !== arm.port) {
    return refuse(`it is not on the configured Azure Resource Manager endpoint (${arm.host})`);
  }
  const rawPath = /^https:\/\/[^/?#]*(\/[^?#]*)/i.exec(raw)?.[1] ?? '';
  // Dot segments and percent-encoding are resolved by the parser; the path as sent must already be plain.
  if (rawPath !== url.pathname || /%|\/\.\.?(\/|$)/.test(rawPath)) return refuse('its path is encoded or has dot segments');
  const match = OPERATION_PATH.exec(url.pathname);
  if (!match) return refuse('its path is not an operation status path (/subscriptions/{id}/providers/Microsoft.ContainerService/locations/{location}/operations/{id})');
  if (url.hash) return refuse('it has a fragment');
  const apiVersion = url.searchParams.get('api-version');
  const version = apiVersion && API_VERSION.test(apiVersion) ? apiVersion : DEFAULT_OPERATION_API_VERSION;
  const [, subscriptionId, location, operationId] = match as unknown as [string, string, string, string];
  return {
    ok: true,
    operation: {
      subscriptionId: subscriptionId.toLowerCase(),
      location: location.toLowerCase(),
      operationId,
      url: `${arm.origin}/subscriptions/${subscriptionId}/providers/Microsoft.ContainerService/locations/${location}/operations/${operationId}?api-version=${version}`,
    },
  };
}
