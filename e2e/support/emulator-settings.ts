/** Emulator settings the cluster specs change (emulator/arm/CONTROL.md, Entra control), restored by the caller. */
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

/** ARM settings (`rejectWindowsCaChange`, `eTags`, …); POST /_emulator/reset does not restore them. */
export const armSettings = (patch: Record<string, unknown>) => send('PUT', '/settings', patch);

/** As the cluster autoscaler would: an autoscaled pool's count changes (emulator M3). */
export const autoscale = (target: { subscriptionId: string; resourceGroup: string; name: string }, pool: string, count: number) =>
  send('PUT', '/autoscale', { subscriptionId: target.subscriptionId, resourceGroup: target.resourceGroup, name: target.name, pool, count });

export const identitySettings = (patch?: Record<string, unknown>) => (patch ? send('PUT', '/identity/settings', patch) : send('GET', '/identity/settings'));

/** An administrator's "revoke sessions": refresh tokens and browser sessions stop working. */
export const revokeSessions = () => send('POST', '/identity/revoke-sessions');
