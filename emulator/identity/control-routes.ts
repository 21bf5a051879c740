/**
 * Platform control endpoints under /_emulator: a token for a persona without a browser (demo sign-in, the
 * emulator:token CLI, tests), the persona list, and health. The server only mounts them for loopback callers.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { EMULATOR_CLIENT_ID, PERSONAS, findPersona } from '../directory';
import { findTenant } from './tenancy';
import type { TokenSigner } from './tokens';

export interface ControlRouteDeps {
  signer: TokenSigner;
  /** The issuer origin for tokens made here (the emulator's base URL). */
  origin: string;
}

const tokenBodySchema = z.object({
  persona: z.string().min(1),
  tenantId: z.string().min(1).optional(),
  scope: z.string().min(1).default('https://management.azure.com/user_impersonation'),
  clientId: z.string().min(1).default(EMULATOR_CLIENT_ID),
});

function controlError(code: string, message: string) {
  return { error: { code, message } };
}

export function createControlRoutes({ signer, origin }: ControlRouteDeps): Hono {
  const control = new Hono();

  control.get('/health', (c) => c.json({ ok: true }));

  control.get('/personas', (c) =>
    c.json({
      value: PERSONAS.map((p) => ({
        id: p.id,
        name: p.name,
        username: p.username,
        description: p.description,
        homeTenantId: p.homeTenantId,
      })),
    }),
  );

  control.post('/token', async (c) => {
    const raw: unknown = await c.req.json().catch(() => undefined);
    if (raw === undefined) {
      return c.json(controlError('InvalidRequest', 'The body must be JSON, e.g. {"persona":"owner"}.'), 400);
    }
    const body = tokenBodySchema.safeParse(raw);
    if (!body.success) {
      const issue = body.error.issues[0];
      const where = issue?.path.join('.') || 'body';
      return c.json(
        controlError(
          'InvalidRequest',
          `Invalid token request: ${where}: ${issue?.message ?? 'invalid'}. Send JSON {"persona":"owner"}.`,
        ),
        400,
      );
    }
    const persona = findPersona(body.data.persona);
    if (!persona) {
      const valid = PERSONAS.map((p) => p.id).join(', ');
      return c.json(
        controlError('PersonaNotFound', `Unknown persona '${body.data.persona}'. Valid personas: ${valid}.`),
        404,
      );
    }
    const tenant = body.data.tenantId ? findTenant(body.data.tenantId) : findTenant(persona.homeTenantId);
    if (!tenant) {
      return c.json(controlError('TenantNotFound', `Unknown tenant '${body.data.tenantId ?? ''}'.`), 400);
    }
    const issued = await signer.accessToken({
      persona,
      tenantId: tenant.tenantId,
      clientId: body.data.clientId,
      origin,
      scopes: body.data.scope.split(/\s+/).filter(Boolean),
    });
    c.header('cache-control', 'no-store');
    return c.json({
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      expires_on: issued.expiresOn,
      tenant_id: tenant.tenantId,
      scope: issued.grant.responseScope,
    });
  });

  return control;
}
