/** What the Entra routes share: signing, the emulator's origins, in-memory stores, and small request helpers. */
import type { Context } from 'hono';
import type { SigningKey, TokenSigner } from '../identity';

export interface EntraDeps {
  signer: TokenSigner;
  key: SigningKey;
  /** `https://localhost:<port>` */
  baseUrl: string;
  /** The https origins the emulator answers on (localhost, 127.0.0.1, [::1]). */
  origins: string[];
  log: (line: string) => void;
}

/**
 * The origin the client used (so discovery's issuer matches the authority MSAL was given, which MSAL checks),
 * when it is one of the emulator's loopback origins; the base URL otherwise.
 */
export function requestOrigin(c: Context, deps: EntraDeps): string {
  const host = c.req.header('host');
  const candidate = host ? `https://${host.toLowerCase()}` : '';
  return deps.origins.includes(candidate) ? candidate : deps.baseUrl;
}

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,POST',
  'access-control-allow-headers': '*',
  'access-control-max-age': '86400',
};
