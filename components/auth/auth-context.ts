'use client';
import { createContext, useContext } from 'react';

export interface SignedInAccount {
  name: string;
  username: string;
  tenantId: string;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; error?: string }
  | { status: 'signed-in'; account: SignedInAccount };

export interface AuthApi {
  state: AuthState;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /**
   * A bearer token for ARM, renewed silently when it nears expiry. ARM tokens are tenant-scoped: pass a tenant id
   * to reach another tenant's subscriptions (default: the account's home tenant). Never log it.
   */
  getArmToken(tenantId?: string): Promise<string>;
}

export const AuthContext = createContext<AuthApi | null>(null);

export function useAuth(): AuthApi {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthRoot>');
  return auth;
}
