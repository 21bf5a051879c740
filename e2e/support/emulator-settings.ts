/** The Entra look-alike's control (emulator/entra/control.ts) for sign-in-again specs; restored by the caller. */
import { request } from '@playwright/test';
import { EMULATOR_URL } from '../environment';

async function send(method: 'PUT' | 'POST' | 'GET', path: string, data?: unknown): Promise<unknown> {
  const api = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
  try {
    const response = await api.fetch(`/_emulator${path}`, { method, data });
    if (!response.ok()) throw new Error(`${method} /_emulator${path}: ${response.status()} ${await response.text()}`);
    return await response.json().catch(() => null);
  } finally {
    await api.dispose();
  }
}

export const identitySettings = (patch?: Record<string, unknown>) =>
  patch ? send('PUT', '/identity/settings', patch) : send('GET', '/identity/settings');

/** An administrator's "revoke sessions": refresh tokens and browser sessions stop working. */
export const revokeSessions = () => send('POST', '/identity/revoke-sessions');

/**
 * Runs `body` with access tokens shorter-lived than MSAL's 300 s renewal margin, so that every getArmToken goes to
 * the token endpoint (a revoked session then shows at once), and restores the lifetime afterwards.
 */
export async function withShortLivedTokens(body: () => Promise<void>): Promise<void> {
  const previous = (await identitySettings()) as { accessTokenLifetimeSeconds: number };
  await identitySettings({ accessTokenLifetimeSeconds: 60 });
  try {
    await body();
  } finally {
    await identitySettings({ accessTokenLifetimeSeconds: previous.accessTokenLifetimeSeconds });
  }
}

/**
 * Runs `body` while silent sign-ins for a tenant need the user ("mfa": AADSTS50076, "consent": AADSTS65001), and
 * turns it off afterwards (the emulator's reset does not).
 */
export async function withTenantInteraction(
  tenantId: string,
  required: 'mfa' | 'consent',
  body: () => Promise<void>,
): Promise<void> {
  await send('PUT', `/identity/tenants/${tenantId}/interaction`, { required });
  try {
    await body();
  } finally {
    await send('PUT', `/identity/tenants/${tenantId}/interaction`, { required: null });
  }
}
