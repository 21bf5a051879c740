import type { ActionError } from '@/lib/action-result';
import { isSignInRequired } from '@/components/auth/auth-context';

/** A thrown error (getArmToken, a failed fetch) as an ActionError; MSAL needing the user becomes `SignInRequired`. */
export function toClientError(cause: unknown, code: string): ActionError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return isSignInRequired(cause) ? { code: 'SignInRequired', message } : { code, message };
}

/** The browser needs a new sign-in: MSAL could not renew silently, or ARM refused the token (401). */
export const needsSignIn = (error: Pick<ActionError, 'code'> | undefined | null): boolean =>
  error?.code === 'SignInRequired';
