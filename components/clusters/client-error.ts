import type { ActionError, ActionErrorCode } from '@/lib/action-result';
import { isSignInRequired } from '@/components/auth/auth-context';
import { REQUEST_TOO_LARGE_PREFIX } from '@/lib/security/request-guards';
import { isActionErrorCode, retryClassOf } from '@/lib/action-errors';

/** The typed code of a request the server refused as too large (HTTP 413 from proxy.ts). */
export const REQUEST_TOO_LARGE = 'RequestTooLarge' satisfies ActionErrorCode;

/**
 * A thrown error (getArmToken, a failed fetch, a server action the server refused) as an ActionError; MSAL needing
 * the user becomes `SignInRequired`, a 413 from the server `RequestTooLarge`.
 */
export function toClientError(cause: unknown, code: ActionErrorCode): ActionError {
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
  !!error && retryClassOf(error.code) === 'sign-in';

/** The registry code a thrown error carries (e.g. from the inventory route's JSON answer), else `fallback`. */
export function codeOf(error: unknown, fallback: ActionErrorCode): ActionErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return isActionErrorCode(code) ? code : fallback;
}
