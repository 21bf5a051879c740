/** The part of the server configuration the browser needs to sign in. Plain data: it crosses to the client. */
import type { AppConfig, AuthMode } from '../config';

export interface PublicAuthConfig {
  mode: AuthMode;
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  armScope: string;
  environmentLabel: string;
  isEmulator: boolean;
}

export function toPublicAuthConfig(config: AppConfig): PublicAuthConfig {
  return {
    mode: config.authMode,
    clientId: config.clientId,
    authority: config.authority,
    knownAuthorities: config.knownAuthorities,
    armScope: config.armScope,
    environmentLabel: config.environmentLabel,
    isEmulator: config.isEmulator,
  };
}
