/** The state the look-alike keeps between authorize, the picker, the token endpoint and refreshes. */
import { ACCESS_TOKEN_LIFETIME_SECONDS, type AuthorityTenant } from '../identity';
import { createInteractionPolicy, type InteractionPolicy } from './interaction';
import { ExpiringStore, MINUTE_MS } from './stores';

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** A validated authorize request, waiting for the user or turned into a code. */
export interface AuthorizationRequest {
  authority: AuthorityTenant;
  /** Origin the browser used; becomes the token issuer's origin. */
  origin: string;
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
  nonce?: string;
  scopes: string[];
  codeChallenge: string;
  loginHint?: string;
}

export interface CodeGrant {
  request: AuthorizationRequest;
  personaId: string;
  tenantId: string;
}

export interface RefreshGrant {
  personaId: string;
  tenantId: string;
  clientId: string;
  origin: string;
  scopes: string[];
}

export interface BrowserSession {
  /** Signed-in personas, most recent first. */
  personaIds: string[];
}

export interface EntraSettings {
  /** Lifetime of access tokens from the authorize/refresh flows (Entra's default is about an hour). */
  accessTokenLifetimeSeconds: number;
}

export interface EntraState {
  pending: ExpiringStore<AuthorizationRequest>;
  codes: ExpiringStore<CodeGrant>;
  refreshTokens: ExpiringStore<RefreshGrant>;
  sessions: ExpiringStore<BrowserSession>;
  settings: EntraSettings;
  interaction: InteractionPolicy;
}

export function createEntraState(): EntraState {
  return {
    pending: new ExpiringStore(15 * MINUTE_MS),
    codes: new ExpiringStore(10 * MINUTE_MS), // Entra: codes live about 10 minutes
    refreshTokens: new ExpiringStore(24 * 60 * MINUTE_MS), // SPA refresh tokens: 24 hours
    sessions: new ExpiringStore(24 * 60 * MINUTE_MS),
    settings: { accessTokenLifetimeSeconds: ACCESS_TOKEN_LIFETIME_SECONDS },
    interaction: createInteractionPolicy(),
  };
}
