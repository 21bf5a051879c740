/**
 * POST /{tenant}/oauth2/v2.0/token: authorization_code (PKCE S256, one-time codes bound to client, redirect URI,
 * nonce, scope and tenant) and refresh_token grants. JSON with `cache-control: no-store` and CORS; OAuth error
 * JSON (400) for every bad input.
 */
import type { Context, Hono } from 'hono';
import { findPersona } from '../directory';
import {
  clientInfo,
  resolveAuthorityTenant,
  splitScopes,
  tenantNotFoundMessage,
  type IssuedAccessToken,
} from '../identity';
import { isKnownClient, unknownClientMessage } from './clients';
import { CORS_HEADERS, requestOrigin, type EntraDeps } from './context';
import { silentRefusal } from './interaction';
import { verifyPkce } from './pkce';
import type { CodeGrant, EntraState, RefreshGrant } from './requests';
import { authorizationCodeGrantSchema, firstIssue, grantTypeSchema, refreshTokenGrantSchema } from './schemas';

type OAuthError = 'invalid_request' | 'invalid_grant' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

function oauthError(c: Context, error: OAuthError, description: string): Response {
  c.header('cache-control', 'no-store');
  return c.json({ error, error_description: description, error_codes: [], timestamp: new Date().toISOString() }, 400);
}

function codeMatchesTenant(grant: CodeGrant, tenantSegment: string): boolean {
  const segment = tenantSegment.toLowerCase();
  if (segment === grant.request.authority.segment) return true;
  const resolved = resolveAuthorityTenant(segment);
  return resolved?.kind === 'tenant' && resolved.tenant.tenantId === grant.tenantId;
}

interface TokenResponseInput {
  grant: RefreshGrant;
  nonce?: string;
}

async function tokenResponse(c: Context, deps: EntraDeps, state: EntraState, { grant, nonce }: TokenResponseInput) {
  const persona = findPersona(grant.personaId)!;
  const subject = { persona, tenantId: grant.tenantId, clientId: grant.clientId };
  const issued: IssuedAccessToken = await deps.signer.accessToken({
    ...subject,
    origin: grant.origin,
    scopes: grant.scopes,
    lifetimeSeconds: state.settings.accessTokenLifetimeSeconds,
  });
  const idToken = await deps.signer.idToken({ ...subject, origin: grant.origin, nonce });
  const refreshToken = state.refreshTokens.add(grant);
  c.header('cache-control', 'no-store');
  c.header('pragma', 'no-cache');
  return c.json({
    token_type: 'Bearer',
    scope: issued.grant.responseScope,
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.accessToken,
    refresh_token: refreshToken,
    id_token: idToken,
    client_info: clientInfo(persona),
  });
}

async function authorizationCodeGrant(c: Context, deps: EntraDeps, state: EntraState, form: Record<string, unknown>) {
  const parsed = authorizationCodeGrantSchema.safeParse(form);
  if (!parsed.success) return oauthError(c, 'invalid_request', `AADSTS900144: ${firstIssue(parsed.error).message}`);
  const input = parsed.data;
  if (!isKnownClient(input.client_id)) return oauthError(c, 'invalid_client', unknownClientMessage(input.client_id));
  const grant = state.codes.take(input.code); // one attempt per code, successful or not
  if (!grant) {
    return oauthError(
      c,
      'invalid_grant',
      'AADSTS70008: The provided authorization code or refresh token has expired, was already redeemed or is not valid. Send a new interactive authorization request.',
    );
  }
  const { request } = grant;
  if (request.clientId !== input.client_id.toLowerCase()) {
    return oauthError(c, 'invalid_grant', 'AADSTS70002: The authorization code was issued to a different client.');
  }
  if (request.redirectUri !== input.redirect_uri) {
    return oauthError(
      c,
      'invalid_grant',
      'AADSTS500117: The reply uri specified in the request does not match the reply uri of the authorization request.',
    );
  }
  if (!codeMatchesTenant(grant, c.req.param('tenant') ?? '')) {
    return oauthError(c, 'invalid_grant', 'AADSTS50148: The authorization code was issued for a different tenant.');
  }
  if (!input.code_verifier) {
    return oauthError(
      c,
      'invalid_request',
      "AADSTS900144: The request body must contain the following parameter: 'code_verifier'.",
    );
  }
  if (!verifyPkce(input.code_verifier, request.codeChallenge)) {
    return oauthError(
      c,
      'invalid_grant',
      'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
  const refresh: RefreshGrant = {
    personaId: grant.personaId,
    tenantId: grant.tenantId,
    clientId: request.clientId,
    origin: request.origin,
    scopes: request.scopes,
  };
  return tokenResponse(c, deps, state, { grant: refresh, nonce: request.nonce });
}

async function refreshTokenGrant(c: Context, deps: EntraDeps, state: EntraState, form: Record<string, unknown>) {
  const parsed = refreshTokenGrantSchema.safeParse(form);
  if (!parsed.success) return oauthError(c, 'invalid_request', `AADSTS900144: ${firstIssue(parsed.error).message}`);
  const input = parsed.data;
  if (!isKnownClient(input.client_id)) return oauthError(c, 'invalid_client', unknownClientMessage(input.client_id));
  const stored = state.refreshTokens.get(input.refresh_token);
  if (!stored) {
    return oauthError(
      c,
      'invalid_grant',
      'AADSTS70008: The refresh token has expired or is not valid. Send a new interactive authorization request.',
    );
  }
  if (stored.clientId !== input.client_id.toLowerCase()) {
    return oauthError(c, 'invalid_grant', 'AADSTS70000: The refresh token was issued to a different client.');
  }
  const scopes = input.scope ? splitScopes(input.scope) : stored.scopes;
  // A refresh token works across the user's tenants, as Entra's do: a tenant authority gets a token for that tenant.
  // At `organizations`/`common`, which tenant Entra picks for a refresh token first issued for a guest tenant is not
  // documented: the emulator takes the stricter guess, the tenant it was issued for (a client that relies on the
  // home tenant there gets another tenant's token; the dashboard always names the tenant).
  const authority = resolveAuthorityTenant(c.req.param('tenant') ?? '');
  const tenantId = authority?.kind === 'tenant' ? authority.tenant.tenantId : stored.tenantId;
  // A tenant whose policy wants MFA or consent refuses the refresh token as Entra does: invalid_grant + suberror.
  const refusal = silentRefusal(state.interaction, stored.personaId, tenantId, stored.clientId);
  if (refusal) {
    c.header('cache-control', 'no-store');
    return c.json(
      {
        error: 'invalid_grant',
        error_description: refusal.description,
        error_codes: [refusal.errorCode],
        timestamp: new Date()
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, 'Z'),
        trace_id: crypto.randomUUID(),
        correlation_id: crypto.randomUUID(),
        error_uri: `${requestOrigin(c, deps)}/error?code=${refusal.errorCode}`,
        suberror: refusal.suberror,
      },
      400,
    );
  }
  return tokenResponse(c, deps, state, { grant: { ...stored, scopes, tenantId, origin: requestOrigin(c, deps) } });
}

export function mountToken(app: Hono, deps: EntraDeps, state: EntraState): void {
  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    for (const [name, value] of Object.entries(CORS_HEADERS)) c.header(name, value);
    const tenantSegment = c.req.param('tenant');
    if (!resolveAuthorityTenant(tenantSegment)) {
      c.header('cache-control', 'no-store');
      return c.json({ error: 'invalid_tenant', error_description: tenantNotFoundMessage(tenantSegment) }, 400);
    }
    const contentType = c.req.header('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return oauthError(
        c,
        'invalid_request',
        'AADSTS900144: The request body must be application/x-www-form-urlencoded.',
      );
    }
    const form = (await c.req.parseBody().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!form) return oauthError(c, 'invalid_request', 'AADSTS900144: The request body could not be read.');
    const grantType = grantTypeSchema.safeParse(form);
    const type = grantType.success ? grantType.data.grant_type : undefined;
    if (!type)
      return oauthError(
        c,
        'invalid_request',
        "AADSTS900144: The request body must contain the following parameter: 'grant_type'.",
      );
    if (type === 'authorization_code') return authorizationCodeGrant(c, deps, state, form);
    if (type === 'refresh_token') return refreshTokenGrant(c, deps, state, form);
    return oauthError(
      c,
      'unsupported_grant_type',
      `AADSTS70003: The app requested an unsupported grant type '${type}'.`,
    );
  });
}
