'use client';
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { AuthContext, type AuthApi } from './auth-context';

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

/**
 * Chooses MSAL (production) or demo sign-in from the server's runtime config. Both touch window and storage,
 * so the provider is imported in the browser only; until then the page renders with a "loading" auth state.
 */
export function AuthRoot({ config, children }: { config: PublicAuthConfig; children: ReactNode }) {
  const [Provider, setProvider] = useState<Provider | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = config.mode === 'demo' ? import('./DemoAuthProvider') : import('./MsalAuthProvider');
    load.then((module) => {
      if (!cancelled) setProvider(() => module.default as Provider);
    });
    return () => {
      cancelled = true;
    };
  }, [config.mode]);

  if (!Provider) return <AuthContext.Provider value={loadingApi}>{children}</AuthContext.Provider>;
  return <Provider config={config}>{children}</Provider>;
}
