import { AuthError } from '@azure/msal-browser';

/** A sentence a person can act on, for a sign-in or token failure. */
export function describeAuthError(cause: unknown): string {
  if (cause instanceof AuthError) {
    // A tenant's Conditional Access asking for MFA (AADSTS50076) answers a silent request with this suberror.
    if (cause.subError === 'basic_action' || cause.subError === 'additional_action')
      return 'This tenant requires multi-factor authentication: sign in to it to continue.';
    switch (cause.errorCode) {
      case 'consent_required':
      case 'interaction_required':
        return 'Your organization needs to grant this app access to Azure Resource Manager (delegated permission user_impersonation). Ask an administrator to consent, then sign in again.';
      case 'login_required':
        return 'Your sign-in session has ended. Sign in again.';
      case 'user_cancelled':
        return 'Sign-in was cancelled.';
      case 'endpoints_resolution_error':
        return 'The sign-in service could not be reached. Check AZURE_AUTHORITY and your network.';
      default:
        return `Sign-in failed (${cause.errorCode}): ${cause.errorMessage || 'no details'}.`;
    }
  }
  return cause instanceof Error ? cause.message : 'Sign-in failed.';
}
