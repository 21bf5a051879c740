/**
 * The environment that points the dashboard (or a shell, or the Azure SDK) at an emulator. Used by the
 * emulator's start-up banner, `npm run demo` and the e2e harness, so all three say the same thing.
 */
import { EMULATOR_CLIENT_ID } from './directory';

export function appEnvironmentFor(baseUrl: string, caFile: string, authMode?: 'msal' | 'demo'): Record<string, string> {
  const host = new URL(baseUrl).host;
  return {
    ARM_ENDPOINT: baseUrl,
    AZURE_AUTHORITY: `${baseUrl}/organizations`,
    AZURE_KNOWN_AUTHORITIES: host,
    AZURE_CLIENT_ID: EMULATOR_CLIENT_ID,
    ARM_CA_FILE: caFile,
    NODE_EXTRA_CA_CERTS: caFile,
    ...(authMode ? { AUTH_MODE: authMode } : {}),
  };
}
