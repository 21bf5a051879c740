/**
 * Which clients and redirect URIs the look-alike accepts: the emulator's public client id, and http(s) URIs on
 * localhost, 127.0.0.1 or [::1] with any port. Anything else is refused before any redirect (no open redirect).
 */
import { EMULATOR_CLIENT_ID } from '../directory';

export const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isKnownClient(clientId: string | undefined): boolean {
  return clientId?.toLowerCase() === EMULATOR_CLIENT_ID;
}

export function unknownClientMessage(clientId: string | undefined): string {
  return `AADSTS700016: Application with identifier '${clientId ?? ''}' was not found in the directory. The emulator knows one client id: ${EMULATOR_CLIENT_ID}.`;
}

/** The parsed URI when it is an acceptable loopback redirect URI, else undefined. */
export function parseLoopbackRedirectUri(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  if (url.username || url.password || url.hash) return undefined;
  return url;
}

export function badRedirectUriMessage(value: string | undefined): string {
  return `AADSTS50011: The redirect URI '${value ?? ''}' specified in the request does not match the redirect URIs configured for the application. The emulator accepts http(s) URIs on localhost or 127.0.0.1 only.`;
}
