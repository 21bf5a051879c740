'use client';
import { useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { REDIRECT_PATH } from '@/lib/auth/redirect-path';
import { AuthContext, type AuthApi } from './auth-context';
import { readCachedAccount } from './msal-cache';
import { isMsalStorageKey, mayHaveMsalSession, msalInteractionUnderWay } from './msal-session-hint';

type Provider = ComponentType<{ config: PublicAuthConfig; children: ReactNode }>;

const notReady = async (): Promise<never> => {
  throw new Error('Sign-in is still loading.');
};
const loadingApi: AuthApi = {
  state: { status: 'loading' },
  signIn: notReady,
  signOut: notReady,
  getArmToken: notReady,
  reauthenticate: notReady,
};

const loadMsal = () => import('./MsalAuthProvider');
const loadCachedSession = () => import('./CachedSessionProvider');

/**
 * The layout marks the auth mode on <html>, so the provider's chunk can start downloading as soon as this module
 * runs, beside hydration instead of after it (the cluster page's first paint waits on provider -> token -> action):
 * MSAL when a redirect is under way in this tab, else the small provider that reads MSAL's cache.
 */
const early =
  typeof window !== 'undefined' &&
  document.documentElement.dataset.authMode === 'msal' &&
  window.location.pathname !== REDIRECT_PATH &&
  mayHaveMsalSession()
    ? msalInteractionUnderWay()
      ? { msal: loadMsal() }
      : { cached: loadCachedSession() }
    : null;
const earlyMsal = early?.msal ?? null;
// A failed early download is retried by the effect below; it must not surface as an unhandled rejection.
earlyMsal?.catch(() => undefined);
early?.cached?.catch(() => undefined);

/**
 * The provider for a browser that may hold an MSAL session: without an interaction under way and with the active
 * account readable from MSAL's cache, CachedSessionProvider (no MSAL until a token must be renewed); else MSAL.
 */
async function sessionProvider(config: PublicAuthConfig): Promise<Provider> {
  if (!msalInteractionUnderWay()) {
    const [account, cachedModule] = await Promise.all([
      readCachedAccount(config.clientId),
      (early?.cached ?? loadCachedSession()).catch(loadCachedSession),
    ]);
    if (account) {
      const Cached = cachedModule.default;
      return function CachedSession(props: { config: PublicAuthConfig; children: ReactNode }) {
        return <Cached {...props} account={account} />;
      };
    }
  }
  const msalModule = await (earlyMsal ?? loadMsal()).catch(loadMsal);
  return msalModule.default as Provider;
}

type MsalNeed = 'bridge' | 'session' | 'none';

function msalNeed(pathname: string): MsalNeed {
  if (pathname === REDIRECT_PATH) return 'bridge';
  return mayHaveMsalSession() ? 'session' : 'none';
}

/**
 * Chooses MSAL (production) or demo sign-in from the server's runtime config. Both touch window and storage,
 * so the provider is imported in the browser only; until then the page renders with a "loading" auth state.
 * MSAL (≈ 80 KB gzip) loads only where it is needed: never on the redirect bridge (app/auth/redirect loads its own
 * small bridge), not on a signed-in page whose tokens are fresh in MSAL's cache (CachedSessionProvider loads it
 * when one must be renewed), and otherwise only when this browser holds an MSAL session or an interaction is under
 * way. Without one the user is signed out, and "Sign in" loads MSAL for the redirect.
 */
export function AuthRoot({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const pathname = usePathname();
  const [Provider, setProvider] = useState<Provider | null>(null);
  // The provider is chosen once, with the configuration the page started with (it is the same for the session).
  const [startConfig] = useState(config);
  // Decided in the browser only (storage); the server and the first render say "loading".
  const [need, setNeed] = useState<MsalNeed | null>(null);

  useEffect(() => {
    if (config.mode !== 'msal') return;
    const decide = () => setNeed((previous) => (previous === 'session' ? previous : msalNeed(pathname)));
    decide();
    // Another tab signing in writes MSAL's cache: this tab then starts MSAL too (once started it stays).
    const onStorage = (event: StorageEvent) => {
      if (isMsalStorageKey(event.key)) decide();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [config.mode, pathname]);

  const wanted = config.mode === 'demo' ? 'demo' : need === 'session' ? 'msal' : null;
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const load: Promise<Provider> =
      wanted === 'demo'
        ? import('./DemoAuthProvider').then((module) => module.default as Provider)
        : sessionProvider(startConfig);
    load.then((provider) => {
      if (!cancelled) setProvider(() => provider);
    });
    return () => {
      cancelled = true;
    };
  }, [wanted, startConfig]);

  if (Provider) return <Provider config={config}>{children}</Provider>;
  if (need === 'none') return <SignedOutWithoutMsal config={config}>{children}</SignedOutWithoutMsal>;
  return <AuthContext.Provider value={loadingApi}>{children}</AuthContext.Provider>;
}

/** Signed out, MSAL not loaded: "Sign in" loads it and starts the redirect. */
function SignedOutWithoutMsal({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const [error, setError] = useState<string>();
  const signIn = useCallback(async () => {
    setError(undefined);
    let msal: Awaited<ReturnType<typeof loadMsal>>;
    try {
      msal = await loadMsal();
    } catch {
      setError('Sign-in could not load. Check your network and try again.');
      return;
    }
    try {
      await msal.signInWithRedirect(config);
    } catch (cause) {
      setError(msal.describeAuthError(cause));
    }
  }, [config]);
  const api: AuthApi = useMemo(
    () => ({
      state: { status: 'signed-out', error },
      signIn,
      signOut: async () => undefined,
      getArmToken: async () => {
        throw new Error('Not signed in.');
      },
      reauthenticate: signIn,
    }),
    [error, signIn],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}
