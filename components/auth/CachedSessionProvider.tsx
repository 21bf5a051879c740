'use client';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { armTokenRequest } from '@/lib/auth/msal-config';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { AuthContext, type AuthApi, type AuthState } from './auth-context';
import { readCachedAccount, readCachedArmToken, type CachedAccount } from './msal-cache';
import { isMsalStorageKey } from './msal-session-hint';

type MsalClient = typeof import('./msal-client');
interface Loaded {
  msal: MsalClient;
  pca: Awaited<ReturnType<MsalClient['startMsalClient']>>;
}

/**
 * A signed-in page without MSAL: the account and fresh ARM tokens come from MSAL's own cache (msal-cache.ts).
 * MSAL (msal-browser only, no msal-react) loads the first time it is really needed: a token to renew or to fetch
 * for a tenant not cached yet, "Sign in again", sign-out. It then answers exactly as MsalAuthProvider does.
 * AuthRoot picks this provider only when no interaction is under way (the page MSAL returns to gets MsalAuthProvider).
 */
export default function CachedSessionProvider({
  config,
  account: initialAccount,
  children,
}: {
  config: PublicAuthConfig;
  account: CachedAccount;
  children: ReactNode;
}) {
  const [account, setAccount] = useState<CachedAccount | null>(initialAccount);
  const [error, setError] = useState<string>();
  const loaded = useRef<Promise<Loaded> | null>(null);

  const loadMsal = useCallback(() => {
    loaded.current ??= import('./msal-client').then(async (msal) => ({
      msal,
      pca: await msal.startMsalClient(config),
    }));
    // A failed download is retried on the next call.
    loaded.current.catch(() => {
      loaded.current = null;
    });
    return loaded.current;
  }, [config]);

  /** MSAL's AccountInfo for the cached account (MSAL read the same cache). */
  const msalAccount = useCallback(
    async (who: CachedAccount) => {
      const { msal, pca } = await loadMsal();
      const info = pca.getActiveAccount() ?? pca.getAccount({ homeAccountId: who.homeAccountId });
      return { msal, pca, info };
    },
    [loadMsal],
  );

  // Another tab signing out (or in as someone else) rewrites MSAL's cache: follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (!isMsalStorageKey(event.key)) return;
      void readCachedAccount(config.clientId).then((next) =>
        setAccount((previous) => (next?.homeAccountId === previous?.homeAccountId ? previous : next)),
      );
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [config.clientId]);

  const state: AuthState = useMemo(
    () =>
      account
        ? {
            status: 'signed-in',
            account: {
              homeAccountId: account.homeAccountId,
              name: account.name,
              username: account.username,
              tenantId: account.tenantId,
            },
          }
        : { status: 'signed-out', error },
    [account, error],
  );

  const getArmToken = useCallback(
    async (tenantId?: string) => {
      if (!account) throw new Error('Not signed in.');
      const cached = await readCachedArmToken(config.clientId, account, config.armScope, tenantId);
      if (cached) return cached;
      let loadedMsal: Awaited<ReturnType<typeof msalAccount>>;
      try {
        loadedMsal = await msalAccount(account);
      } catch {
        throw new Error('Sign-in could not load. Check your network and try again.');
      }
      const { msal, pca, info } = loadedMsal;
      if (!info) throw new Error('Not signed in.');
      return msal.acquireArmToken(pca, config, info, tenantId);
    },
    [account, config, msalAccount],
  );

  const interact = useCallback(
    async (step: (loaded: Awaited<ReturnType<typeof msalAccount>>) => Promise<void>) => {
      setError(undefined);
      let loadedMsal: Awaited<ReturnType<typeof msalAccount>> | undefined;
      try {
        loadedMsal = await msalAccount(account ?? initialAccount);
        await step(loadedMsal);
      } catch (cause) {
        setError(
          loadedMsal
            ? loadedMsal.msal.describeAuthError(cause)
            : 'Sign-in could not load. Check your network and try again.',
        );
      }
    },
    [account, initialAccount, msalAccount],
  );

  const signIn = useCallback(
    () => interact(({ pca }) => pca.loginRedirect({ ...armTokenRequest(config), prompt: 'select_account' })),
    [interact, config],
  );
  const signOut = useCallback(
    () => interact(({ pca, info }) => pca.logoutRedirect({ account: info ?? undefined })),
    [interact],
  );
  const reauthenticate = useCallback(
    (tenantId?: string) =>
      interact(async ({ msal, pca, info }) => {
        if (!info) throw new Error('Not signed in.');
        await pca.acquireTokenRedirect(msal.armRequestFor(config, info, tenantId));
      }),
    [interact, config],
  );

  const api: AuthApi = useMemo(
    () => ({ state, signIn, signOut, getArmToken, reauthenticate }),
    [state, signIn, signOut, getArmToken, reauthenticate],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}
