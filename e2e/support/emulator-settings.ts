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

export const identitySettings = (patch?: Record<string, unknown>) => (patch ? send('PUT', '/identity/settings', patch) : send('GET', '/identity/settings'));

/** An administrator's "revoke sessions": refresh tokens and browser sessions stop working. */
export const revokeSessions = () => send('POST', '/identity/revoke-sessions');
