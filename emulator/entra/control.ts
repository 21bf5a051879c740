/**
 * Control endpoints for the Entra look-alike (mounted under /_emulator, loopback only), for tests and training:
 * end every sign-in session (as an administrator's "revoke sessions" does: refresh tokens and browser sessions
 * stop working, access tokens already issued live on until they expire), and the access-token lifetime.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { findTenant } from '../identity';
import type { EntraState } from './requests';

const settingsSchema = z
  .object({
    // MSAL renews a token 300 s before it expires, so a lifetime under that makes every token call a refresh.
    accessTokenLifetimeSeconds: z.number().int().min(60).max(86_400),
  })
  .partial()
  .strict();

export function createEntraControl(state: EntraState): Hono {
  const control = new Hono();

  control.post('/identity/revoke-sessions', (c) => {
    state.sessions.clear();
    state.refreshTokens.clear();
    state.interaction.satisfied.clear();
    return c.json({ revoked: true });
  });

  control.get('/identity/settings', (c) => c.json(state.settings));

  control.put('/identity/settings', async (c) => {
    const parsed = settingsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json(
        {
          error: {
            code: 'InvalidRequest',
            message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
          },
        },
        400,
      );
    }
    Object.assign(state.settings, parsed.data);
    return c.json(state.settings);
  });

  // Per tenant: silent sign-ins need the user (MFA by Conditional Access, or consent); `null` clears it.
  control.get('/identity/tenants/:tenant/interaction', (c) => {
    const tenant = findTenant(c.req.param('tenant'));
    if (!tenant) return c.json(unknownTenant(c.req.param('tenant')), 404);
    return c.json({ tenantId: tenant.tenantId, required: state.interaction.required.get(tenant.tenantId) ?? null });
  });

  control.put('/identity/tenants/:tenant/interaction', async (c) => {
    const tenant = findTenant(c.req.param('tenant'));
    if (!tenant) return c.json(unknownTenant(c.req.param('tenant')), 404);
    const parsed = interactionSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json(
        {
          error: {
            code: 'InvalidRequest',
            message: 'required: one of "mfa", "consent" or null, e.g. {"required":"mfa"}.',
          },
        },
        400,
      );
    }
    if (parsed.data.required) state.interaction.required.set(tenant.tenantId, parsed.data.required);
    else state.interaction.required.delete(tenant.tenantId);
    for (const pair of state.interaction.satisfied) {
      if (pair.endsWith(`:${tenant.tenantId}`)) state.interaction.satisfied.delete(pair);
    }
    return c.json({ tenantId: tenant.tenantId, required: parsed.data.required });
  });

  return control;
}

const interactionSchema = z.object({ required: z.enum(['mfa', 'consent']).nullable() }).strict();

function unknownTenant(segment: string) {
  return { error: { code: 'TenantNotFound', message: `Unknown tenant '${segment}'.` } };
}
