/**
 * MSAL without React: the client and the ARM token request, shared by MsalAuthProvider (sign-in, redirects) and
 * CachedSessionProvider (which imports this module only when a token must be renewed or an interaction starts).
 */
import {
  EventType,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type IPublicClientApplication,
  type SilentRequest,
} from '@azure/msal-browser';
import { armTokenRequest, authorityForTenant, buildMsalConfiguration } from '@/lib/auth/msal-config';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { SignInRequiredError } from './auth-context';
import { describeAuthError } from './describe-auth-error';

export { describeAuthError };

/** A client for this origin; only a sign-in changes the active account (a token for another tenant must not). */
export function createMsalClient(config: PublicAuthConfig): PublicClientApplication {
  const pca = new PublicClientApplication(buildMsalConfiguration(config, window.location.origin));
  pca.addEventCallback((event) => {
    // MSAL 5 emits LOGIN_SUCCESS with the AccountInfo itself as the payload.
    if (event.eventType === EventType.LOGIN_SUCCESS) {
      const account = event.payload as AccountInfo | null;
      if (account?.homeAccountId) pca.setActiveAccount(account);
    }
  });
  return pca;
}

/** A client that has read MSAL's cache and any redirect response, ready for silent calls and redirects. */
export async function startMsalClient(config: PublicAuthConfig): Promise<PublicClientApplication> {
  const pca = createMsalClient(config);
  await pca.initialize();
  await pca.handleRedirectPromise();
  return pca;
}

/**
 * Sign-in from a page that had no MSAL session (AuthRoot did not start MSAL there): a client only for the redirect.
 * The page it comes back to finds MSAL's redirect state in sessionStorage and starts MsalAuthProvider.
 */
export async function signInWithRedirect(config: PublicAuthConfig): Promise<void> {
  const pca = new PublicClientApplication(buildMsalConfiguration(config, window.location.origin));
  await pca.initialize();
  await pca.loginRedirect({ ...armTokenRequest(config), prompt: 'select_account' });
}

/**
 * The ARM token request for `account` in one tenant (default: its home tenant), always with that tenant's own
 * authority. MSAL keeps one refresh token per account for all its tenants; redeemed at `organizations` it could
 * come back for the tenant it was last used for, so a multi-tenant authority never decides which tenant a token is for.
 */
export function armRequestFor(config: PublicAuthConfig, account: AccountInfo, tenantId?: string): SilentRequest {
  const tenant = tenantId ?? account.tenantId;
  return {
    ...armTokenRequest(config),
    // MSAL looks tokens up by the account's tenant first: ask with that tenant's profile.
    account: tenant === account.tenantId ? account : { ...account, tenantId: tenant },
    authority: authorityForTenant(config.authority, tenant),
  };
}

/** acquireTokenSilent, failures as AuthApi reports them. Never navigates: the page offers "Sign in again". */
export async function acquireArmToken(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  account: AccountInfo,
  tenantId?: string,
): Promise<string> {
  try {
    return (await instance.acquireTokenSilent(armRequestFor(config, account, tenantId))).accessToken;
  } catch (cause) {
    if (cause instanceof InteractionRequiredAuthError)
      throw new SignInRequiredError(describeAuthError(cause), tenantId);
    throw new Error(describeAuthError(cause));
  }
}
