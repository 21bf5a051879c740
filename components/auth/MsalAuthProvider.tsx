'use client';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { InteractionStatus } from '@azure/msal-browser';
import { armTokenRequest } from '@/lib/auth/msal-config';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { AuthContext, type AuthApi, type AuthState } from './auth-context';
import { acquireArmToken, armRequestFor, createMsalClient, describeAuthError } from './msal-client';

export { describeAuthError, signInWithRedirect } from './msal-client';

/** Production sign-in: Microsoft Entra ID through MSAL.js. Loaded in the browser only. */
export default function MsalAuthProvider({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const [instance] = useState(() => createMsalClient(config));
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

  const getArmToken = useCallback(
    async (tenantId?: string) => {
      if (!account) throw new Error('Not signed in.');
      return acquireArmToken(instance, config, account, tenantId);
    },
    [instance, config, account],
  );

  const reauthenticate = useCallback(
    async (tenantId?: string) => {
      setError(undefined);
      try {
        if (!account) throw new Error('Not signed in.');
        await instance.acquireTokenRedirect(armRequestFor(config, account, tenantId));
      } catch (cause) {
        setError(describeAuthError(cause));
      }
    },
    [instance, config, account],
  );

  const api: AuthApi = useMemo(
    () => ({ state, signIn, signOut, getArmToken, reauthenticate }),
    [state, signIn, signOut, getArmToken, reauthenticate],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}
