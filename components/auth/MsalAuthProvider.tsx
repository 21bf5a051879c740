'use client';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { InteractionStatus, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
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

/** The account MSAL would use: the active one, else the first it knows. */
const currentAccount = (instance: IPublicClientApplication): AccountInfo | null =>
  instance.getActiveAccount() ?? instance.getAllAccounts()[0] ?? null;

function MsalAuthBridge({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const { instance, accounts, inProgress } = useMsal();
  const [error, setError] = useState<string>();
  // The localStorage cache is encrypted: MSAL reads accounts only after initialize(), which ends the Startup phase.
  const starting = inProgress === InteractionStatus.Startup;
  const active = starting ? null : (instance.getActiveAccount() ?? accounts[0] ?? null);
  // A token for another tenant adds a tenant profile and so a new AccountInfo object for the same account: the
  // state and the callbacks change only when the account does, or every page would load its data again.
  const homeAccountId = active?.homeAccountId;
  const homeTenantId = active?.tenantId;
  const username = active?.username;
  const name = active ? (active.name ?? active.username) : undefined;

  const state: AuthState = useMemo(() => {
    if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect)
      return { status: 'loading' };
    if (!homeAccountId || !homeTenantId || !username || !name) return { status: 'signed-out', error };
    return { status: 'signed-in', account: { homeAccountId, name, username, tenantId: homeTenantId } };
  }, [homeAccountId, homeTenantId, username, name, inProgress, error]);

  /** The account as MSAL has it now, when it is still the one this state shows. */
  const account = useCallback(() => {
    const now = currentAccount(instance);
    return now && now.homeAccountId === homeAccountId ? now : null;
  }, [instance, homeAccountId]);

  const signIn = useCallback(async () => {
    setError(undefined);
    try {
      await instance.loginRedirect({ ...armTokenRequest(config), prompt: 'select_account' });
    } catch (cause) {
      setError(describeAuthError(cause));
    }
  }, [instance, config]);

  const signOut = useCallback(async () => {
    await instance.logoutRedirect({ account: account() ?? undefined });
  }, [instance, account]);

  const getArmToken = useCallback(
    async (tenantId?: string) => {
      const who = account();
      if (!who) throw new Error('Not signed in.');
      return acquireArmToken(instance, config, who, tenantId);
    },
    [instance, config, account],
  );

  const reauthenticate = useCallback(
    async (tenantId?: string) => {
      setError(undefined);
      try {
        const who = account();
        if (!who) throw new Error('Not signed in.');
        await instance.acquireTokenRedirect(armRequestFor(config, who, tenantId));
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
