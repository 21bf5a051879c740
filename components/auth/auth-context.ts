'use client';
import { createContext, useContext } from 'react';

export interface SignedInAccount {
  /** Who this is across tenants and tabs (MSAL's homeAccountId `<oid>.<tid>`; the persona in demo mode). */
  homeAccountId: string;
  name: string;
  username: string;
  tenantId: string;
}

export type AuthState =
  { status: 'loading' } | { status: 'signed-out'; error?: string } | { status: 'signed-in'; account: SignedInAccount };

export interface AuthApi {
  state: AuthState;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /**
   * A bearer token for ARM, renewed silently when it nears expiry. ARM tokens are tenant-scoped: pass a tenant id
   * to reach another tenant's subscriptions (default: the account's home tenant). Never log it.
   */
  getArmToken(tenantId?: string): Promise<string>;
  /**
   * The interactive step a SignInRequiredError asks for (MSAL redirect for that tenant). Only ever called from a
   * button the user clicks: background work never navigates away.
   */
  reauthenticate(tenantId?: string): Promise<void>;
}

/**
 * getArmToken's rejection when no token can be had without the user (session ended, MFA, consent). Callers show
 * "Sign in again" (components/auth/SignInAgain.tsx) and wait for the click.
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';

  constructor(
    message: string,
    readonly tenantId?: string,
  ) {
    super(message);
  }
}

export function isSignInRequired(error: unknown): error is SignInRequiredError {
  return error instanceof SignInRequiredError || (error instanceof Error && error.name === 'SignInRequiredError');
}

export const AuthContext = createContext<AuthApi | null>(null);

export function useAuth(): AuthApi {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthRoot>');
  return auth;
}
