import 'server-only';
import type { AccessToken, TokenCredential } from '@azure/core-auth';

const ASSUMED_LIFETIME_MS = 5 * 60_000;

/**
 * Wraps the caller's ARM token (acquired in the browser) for one request's SDK clients. It is never cached
 * across requests, logged or returned.
 */
export function staticTokenCredential(token: string): TokenCredential {
  const accessToken: AccessToken = { token, expiresOnTimestamp: Date.now() + ASSUMED_LIFETIME_MS, tokenType: 'Bearer' };
  return { getToken: async () => accessToken };
}
