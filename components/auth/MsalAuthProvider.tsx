'use client';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { MsalProvider, useMsal } from '@azure/msal-react';
import {
  EventType,
  InteractionRequiredAuthError,
  InteractionStatus,
  PublicClientApplication,
  type AccountInfo,
} from '@azure/msal-browser';
import { armTokenRequest, authorityForTenant, buildMsalConfiguration } from '@/lib/auth/msal-config';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { AuthContext, SignInRequiredError, type AuthApi, type AuthState } from './auth-context';
import { describeAuthError } from './describe-auth-error';

/**
 * Sign-in from a page that had no MSAL session (AuthRoot did not start MSAL there): a client only for the redirect.
 * The page it comes back to finds MSAL's redirect state in sessionStorage and starts MsalAuthProvider.
 */
export async function signInWithRedirect(config: PublicAuthConfig): Promise<void> {
  const pca = new PublicClientApplication(buildMsalConfiguration(config, window.location.origin));
  await pca.initialize();
  await pca.loginRedirect({ ...armTokenRequest(config), prompt: 'select_account' });
}

export { describeAuthError };

/** Production sign-in: Microsoft Entra ID through MSAL.js. Loaded in the browser only. */
export default function MsalAuthProvider({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const [instance] = useState(() => {
    const pca = new PublicClientApplication(buildMsalConfiguration(config, window.location.origin));
    pca.addEventCallback((event) => {
      // Only a sign-in changes who is signed in; a token for another tenant must not switch the home account.
      // MSAL 5 emits LOGIN_SUCCESS with the AccountInfo itself as the payload.
      if (event.eventType === EventType.LOGIN_SUCCESS) {
        const account = event.payload as AccountInfo | null;
        if (account?.homeAccountId) pca.setActiveAccount(account);
      }
    });
    return pca;
  });
  return (
    <MsalProvider instance={instance}>
      <MsalAuthBridge config={config}>{children}</MsalAuthBridge>
    </MsalProvider>
  );
}

function MsalAuthBridge({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const { instance, accounts, inProgress } = useMsal();
  const [error, setError] = useState<string>();
  // The localStorage cache is encrypted: MSAL reads accounts only after initialize(), which ends the Startup phase.
  const starting = inProgress === InteractionStatus.Startup;
  const account = starting ? null : (instance.getActiveAccount() ?? accounts[0] ?? null);

  const state: AuthState = useMemo(() => {
    if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect)
      return { status: 'loading' };
    if (!account) return { status: 'signed-out', error };
    return {
      status: 'signed-in',
      account: {
        homeAccountId: account.homeAccountId,
        name: account.name ?? account.username,
        username: account.username,
        tenantId: account.tenantId,
      },
    };
  }, [account, inProgress, error]);

  const signIn = useCallback(async () => {
    setError(undefined);
    try {
      await instance.loginRedirect({ ...armTokenRequest(config), prompt: 'select_account' });
    } catch (cause) {
      setError(describeAuthError(cause));
    }
  }, [instance, config]);

  const signOut = useCallback(async () => {
    await instance.logoutRedirect({ account: account ?? undefined });
  }, [instance, account]);

  const tokenRequest = useCallback(
    (tenantId?: string) => {
      if (!account) throw new Error('Not signed in.');
      // MSAL looks tokens up by the account's tenant first: ask with that tenant's profile and authority.
      const otherTenant = tenantId && tenantId !== account.tenantId ? tenantId : undefined;
      return otherTenant
        ? {
            ...armTokenRequest(config),
            account: { ...account, tenantId: otherTenant },
            authority: authorityForTenant(config.authority, otherTenant),
          }
        : { ...armTokenRequest(config), account };
    },
    [account, config],
  );

  const getArmToken = useCallback(
    async (tenantId?: string) => {
      const request = tokenRequest(tenantId);
      try {
        return (await instance.acquireTokenSilent(request)).accessToken;
      } catch (cause) {
        // Never navigate from here: this runs behind polling and streaming loads. The page offers "Sign in again".
        if (cause instanceof InteractionRequiredAuthError)
          throw new SignInRequiredError(describeAuthError(cause), tenantId);
        throw new Error(describeAuthError(cause));
      }
    },
    [instance, tokenRequest],
  );

  const reauthenticate = useCallback(
    async (tenantId?: string) => {
      setError(undefined);
      try {
        await instance.acquireTokenRedirect(tokenRequest(tenantId));
      } catch (cause) {
        setError(describeAuthError(cause));
      }
    },
    [instance, tokenRequest],
  );

  const api: AuthApi = useMemo(
    () => ({ state, signIn, signOut, getArmToken, reauthenticate }),
    [state, signIn, signOut, getArmToken, reauthenticate],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}
