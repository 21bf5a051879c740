'use client';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { demoSignIn } from '@/app/actions/demo-sign-in';
import { AuthContext, type AuthApi, type AuthState } from './auth-context';

const STORAGE_KEY = 'aks-ca-trust.demo-session';
const CHANGE_EVENT = 'aks-ca-trust:demo-session';
const RENEW_BEFORE_EXPIRY_SECONDS = 300;

interface StoredToken {
  accessToken: string;
  expiresOn: number;
}
interface StoredSession {
  personaId: string;
  account: { name: string; username: string; tenantId: string };
  /** ARM tokens by tenant id. */
  tokens: Record<string, StoredToken>;
}

/**
 * What this provider itself wrote to localStorage (shape checked by hand: zod would be the largest thing the demo
 * provider loads). The server checks every token it is handed; a damaged entry only means "signed out".
 */
function isStoredSession(value: unknown): value is StoredSession {
  const v = value as Partial<StoredSession> | null;
  const isText = (x: unknown) => typeof x === 'string';
  return (
    typeof v === 'object' &&
    v !== null &&
    isText(v.personaId) &&
    typeof v.account === 'object' &&
    v.account !== null &&
    isText(v.account.name) &&
    isText(v.account.username) &&
    isText(v.account.tenantId) &&
    typeof v.tokens === 'object' &&
    v.tokens !== null &&
    Object.values(v.tokens).every(
      (t) => typeof t === 'object' && t !== null && isText(t.accessToken) && typeof t.expiresOn === 'number',
    )
  );
}

function readStoredSession(): StoredSession | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return isStoredSession(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function storeSession(session: StoredSession): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Used by the persona picker, and for renewal or another tenant: fetches a token and stores it. */
export async function signInAsPersona(personaId: string, tenantId?: string): Promise<StoredSession> {
  const result = await demoSignIn(personaId, tenantId);
  if (!result.ok) throw new Error(result.error.message);
  const { accessToken, expiresOn, account } = result.data;
  const previous = readStoredSession();
  const session: StoredSession =
    previous?.personaId === personaId
      ? { ...previous, tokens: { ...previous.tokens, [result.data.tenantId]: { accessToken, expiresOn } } }
      : { personaId, account, tokens: { [result.data.tenantId]: { accessToken, expiresOn } } };
  storeSession(session);
  return session;
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
    // The session is shared by the tabs of the browser profile, like MSAL's localStorage cache: one persona's
    // tabs share one token. `storage` fires in the other tabs when one signs in or out.
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY || event.key === null) sync();
    };
    window.addEventListener(CHANGE_EVENT, sync);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(CHANGE_EVENT, sync);
      window.removeEventListener('storage', onStorage);
    };
  }, []);

  const state: AuthState = useMemo(() => {
    if (session === undefined) return { status: 'loading' };
    if (session === null) return { status: 'signed-out' };
    return { status: 'signed-in', account: { ...session.account, homeAccountId: `demo.${session.personaId}` } };
  }, [session]);

  const signIn = useCallback(async () => router.push('/sign-in'), [router]);

  const signOut = useCallback(async () => {
    localStorage.removeItem(STORAGE_KEY);
    setSession(null);
    router.push('/');
  }, [router]);

  const getArmToken = useCallback(async (tenantId?: string) => {
    const current = readStoredSession();
    if (!current) throw new Error('Not signed in.');
    const tenant = tenantId ?? current.account.tenantId;
    const token = current.tokens[tenant];
    if (token && token.expiresOn - Date.now() / 1000 > RENEW_BEFORE_EXPIRY_SECONDS) return token.accessToken;
    const renewed = await signInAsPersona(current.personaId, tenant);
    return renewed.tokens[tenant]!.accessToken;
  }, []);

  // Demo tokens come from the server without interaction; "sign in again" is the persona picker.
  const reauthenticate = signIn;

  const api: AuthApi = useMemo(
    () => ({ state, signIn, signOut, getArmToken, reauthenticate }),
    [state, signIn, signOut, getArmToken, reauthenticate],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}
