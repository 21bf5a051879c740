'use client';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { z } from 'zod';
import { demoSignIn } from '@/app/actions/demo-sign-in';
import { AuthContext, type AuthApi, type AuthState } from './auth-context';

const STORAGE_KEY = 'aks-ca-trust.demo-session';
const RENEW_BEFORE_EXPIRY_SECONDS = 300;

const storedSessionSchema = z.object({
  accessToken: z.string(),
  expiresOn: z.number(),
  personaId: z.string(),
  account: z.object({ name: z.string(), username: z.string(), tenantId: z.string() }),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

function readStoredSession(): StoredSession | undefined {
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Demo sign-in against the local emulator: the user picks a persona on /sign-in and the server fetches that
 * persona's token from the emulator, so the browser needs no certificate step. Same AuthApi as MSAL.
 */
export default function DemoAuthProvider({ children }: { config?: unknown; children: ReactNode }) {
  const router = useRouter();
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);

  useEffect(() => {
    const sync = () => setSession(readStoredSession() ?? null);
    sync();
    window.addEventListener('aks-ca-trust:demo-session', sync);
    return () => window.removeEventListener('aks-ca-trust:demo-session', sync);
  }, []);

  const state: AuthState = useMemo(() => {
    if (session === undefined) return { status: 'loading' };
    if (session === null) return { status: 'signed-out' };
    return { status: 'signed-in', account: session.account };
  }, [session]);

  const signIn = useCallback(async () => router.push('/sign-in'), [router]);

  const signOut = useCallback(async () => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    router.push('/');
  }, [router]);

  const getArmToken = useCallback(async () => {
    const current = readStoredSession();
    if (!current) throw new Error('Not signed in.');
    if (current.expiresOn - Date.now() / 1000 > RENEW_BEFORE_EXPIRY_SECONDS) return current.accessToken;
    const renewed = await signInAsPersona(current.personaId);
    return renewed.accessToken;
  }, []);

  const api: AuthApi = useMemo(() => ({ state, signIn, signOut, getArmToken }), [state, signIn, signOut, getArmToken]);
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

/** Used by the persona picker and for renewal: stores the session and tells the provider. */
export async function signInAsPersona(personaId: string): Promise<StoredSession> {
  const result = await demoSignIn(personaId);
  if (!result.ok) throw new Error(result.error.message);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(result.data));
  window.dispatchEvent(new Event('aks-ca-trust:demo-session'));
  return result.data;
}
