import type { ActionError } from '@/lib/action-result';
import { isSignInRequired } from '@/components/auth/auth-context';
import { REQUEST_TOO_LARGE_PREFIX } from '@/lib/security/request-guards';

/** The typed code of a request the server refused as too large (HTTP 413 from proxy.ts). */
export const REQUEST_TOO_LARGE = 'RequestTooLarge';

/**
 * A thrown error (getArmToken, a failed fetch, a server action the server refused) as an ActionError; MSAL needing
 * the user becomes `SignInRequired`, a 413 from the server `RequestTooLarge`.
 */
export function toClientError(cause: unknown, code: string): ActionError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (message.startsWith(REQUEST_TOO_LARGE_PREFIX)) {
    return {
      code: REQUEST_TOO_LARGE,
      status: 413,
      message: 'The request was larger than the server accepts (1 MB per request).',
    };
  }
  return isSignInRequired(cause) ? { code: 'SignInRequired', message } : { code, message };
}

/** The browser needs a new sign-in: MSAL could not renew silently, or ARM refused the token (401). */
export const needsSignIn = (error: Pick<ActionError, 'code'> | undefined | null): boolean =>
  error?.code === 'SignInRequired';
