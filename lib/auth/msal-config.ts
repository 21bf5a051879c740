import { type Configuration, ProtocolMode, LogLevel } from '@azure/msal-browser';
import type { PublicAuthConfig } from './public-config';
import { REDIRECT_PATH } from './redirect-path';

export { REDIRECT_PATH };

export function buildMsalConfiguration(config: PublicAuthConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      redirectUri: `${origin}${REDIRECT_PATH}`,
      postLogoutRedirectUri: `${origin}/`,
    },
    // Shared by the tabs of one browser profile (msal-browser encrypts it at rest), so one user's tabs hold one
    // token and the server can share rollout snapshots between them (azure-facts §13, MSAL cache).
    cache: { cacheLocation: 'localStorage' },
    system: {
      protocolMode: ProtocolMode.AAD,
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) console.error(message);
        },
      },
    },
  };
}

/** Scopes for an ARM token: the resource scope only; MSAL adds openid, profile and offline_access. */
export function armTokenRequest(config: PublicAuthConfig) {
  return { scopes: [config.armScope] };
}

/** The same authority host for another tenant: https://login.microsoftonline.com/organizations -> .../<tenantId>. */
export function authorityForTenant(authority: string, tenantId: string): string {
  const url = new URL(authority);
  const segments = url.pathname.split('/').filter(Boolean);
  segments[segments.length > 0 ? segments.length - 1 : 0] = tenantId;
  return `${url.origin}/${segments.join('/')}`;
}
