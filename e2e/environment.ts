/** Ports and environment shared by playwright.config.ts and the specs. */
import { resolve } from 'node:path';
import { appEnvironmentFor } from '../emulator/app-environment';

export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 8444);
export const EMULATOR_URL = `https://localhost:${EMULATOR_PORT}`;
export const MSAL_APP_URL = `http://localhost:${process.env.E2E_MSAL_APP_PORT ?? 3100}`;
export const DEMO_APP_URL = `http://localhost:${process.env.E2E_DEMO_APP_PORT ?? 3101}`;
export const EMULATOR_DATA_DIR = resolve('.emulator');
export const EMULATOR_CA_FILE = resolve(EMULATOR_DATA_DIR, 'ca.pem');
/** What the emulator and the two apps print, one file each (scripts/tee-output.mjs); read by e2e/server-logs.spec.ts. */
export const SERVER_OUTPUT_DIR = resolve('.e2e-output');
export const serverOutputFile = (name: 'emulator' | 'msal-app' | 'demo-app') =>
  resolve(SERVER_OUTPUT_DIR, `${name}.log`);
export function appEnvironment(authMode: 'msal' | 'demo'): Record<string, string> {
  // Rollout specs poll faster than the product's 5 s; allowed only because ARM is the emulator.
  return {
    NEXT_TELEMETRY_DISABLED: '1',
    ROLLOUT_POLL_MS: process.env.E2E_ROLLOUT_POLL_MS ?? '1000',
    // The demo app stands behind a (pretend) TLS proxy it trusts: e2e/security-headers.spec.ts checks HSTS on both.
    ...(authMode === 'demo' ? { TRUST_FORWARDED_PROTO: 'true' } : {}),
    ...appEnvironmentFor(EMULATOR_URL, EMULATOR_CA_FILE, authMode),
  };
}
