import 'server-only';
import { z } from 'zod';
import { getConfig } from '../config';
import { httpsJson } from '../azure/https-json';
import { describeNetworkError } from '../azure/network-error';

/** Demo sign-in: the emulator's personas and their tokens, fetched server-side (emulator only). */

const personaSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  name: z.string().max(200),
  username: z.string().max(320),
  description: z.string().max(500).default(''),
  homeTenantId: z.string().max(64),
});
export type DemoPersona = z.infer<typeof personaSchema>;

const tokenSchema = z.object({
  access_token: z.string().min(20).max(16_384),
  expires_on: z.coerce.number().int().positive(),
  tenant_id: z.string().max(64),
});

export interface DemoSession {
  accessToken: string;
  /** Unix seconds. */
  expiresOn: number;
  account: { name: string; username: string; tenantId: string };
  personaId: string;
  /** The tenant this token is for (ARM tokens are tenant-scoped). */
  tenantId: string;
}

function emulatorUrl(path: string): string {
  const config = getConfig();
  if (config.authMode !== 'demo' || !config.isEmulator)
    throw new Error('Demo sign-in is only available against the local emulator.');
  return `${config.armEndpoint}/_emulator${path}`;
}

async function callEmulator(path: string, body?: unknown) {
  try {
    return await httpsJson(emulatorUrl(path), body === undefined ? {} : { method: 'POST', body });
  } catch (error) {
    throw new Error(describeNetworkError(error, getConfig().armEndpoint));
  }
}

export async function fetchDemoPersonas(): Promise<DemoPersona[]> {
  const response = await callEmulator('/personas');
  const parsed = z.object({ value: z.array(personaSchema) }).safeParse(response.body);
  if (response.status !== 200 || !parsed.success)
    throw new Error(`The emulator's persona list is not usable (HTTP ${response.status}).`);
  return parsed.data.value;
}

export async function fetchDemoSession(personaId: string, tenantId?: string): Promise<DemoSession> {
  const personas = await fetchDemoPersonas();
  const persona = personas.find((p) => p.id === personaId);
  if (!persona)
    throw new Error(`There is no demo persona "${personaId}". Choose one of: ${personas.map((p) => p.id).join(', ')}.`);
  const response = await callEmulator('/token', {
    persona: personaId,
    scope: getConfig().armScope,
    ...(tenantId ? { tenantId } : {}),
  });
  const token = tokenSchema.safeParse(response.body);
  if (response.status !== 200 || !token.success)
    throw new Error(`The emulator did not issue a token for "${personaId}" (HTTP ${response.status}).`);
  return {
    accessToken: token.data.access_token,
    expiresOn: token.data.expires_on,
    account: { name: persona.name, username: persona.username, tenantId: token.data.tenant_id },
    personaId,
    tenantId: token.data.tenant_id,
  };
}
