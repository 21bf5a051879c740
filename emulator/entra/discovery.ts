/**
 * GET /{tenant}/v2.0/.well-known/openid-configuration and /{tenant}/discovery/v2.0/keys.
 *
 * Issuer for `organizations`/`common`: `https://<host>/{tenantid}/v2.0`, with the placeholder, as real Entra
 * answers. MSAL.js 5 accepts it: msal-common 16.17 `Authority.validateIssuer` parses the issuer with `new URL()`
 * and only requires its scheme and host:port to equal the authority's (rule 1); `replaceTenant` substitutes
 * `{tenant}|{tenantid}` in endpoints. Endpoints keep the requested segment (`organizations`), as Entra does.
 * A tenant named by domain answers with its GUID in every URL, as Entra does.
 */
import type { Context, Hono } from 'hono';
import { resolveAuthorityTenant, tenantNotFoundMessage } from '../identity';
import { CORS_HEADERS, requestOrigin, type EntraDeps } from './context';

const REGION_BY_COUNTRY: Record<string, string> = { US: 'NA', CA: 'NA', DE: 'EU', FR: 'EU', GB: 'EU', NL: 'EU' };

function withCors(c: Context): void {
  for (const [name, value] of Object.entries(CORS_HEADERS)) c.header(name, value);
}

function unknownTenant(c: Context, segment: string): Response {
  return c.json({ error: 'invalid_tenant', error_description: tenantNotFoundMessage(segment) }, 400);
}

export function openIdConfiguration(origin: string, segment: string) {
  const authority = resolveAuthorityTenant(segment);
  if (!authority) return undefined;
  const pathTenant = authority.kind === 'tenant' ? authority.tenant.tenantId : authority.segment;
  const issuerTenant = authority.kind === 'tenant' ? authority.tenant.tenantId : '{tenantid}';
  const base = `${origin}/${pathTenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    code_challenge_methods_supported: ['S256'],
    tenant_region_scope: authority.kind === 'tenant' ? (REGION_BY_COUNTRY[authority.tenant.countryCode] ?? 'WW') : null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function mountDiscovery(app: Hono, deps: EntraDeps): void {
  app.get('/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    withCors(c);
    const config = openIdConfiguration(requestOrigin(c, deps), c.req.param('tenant'));
    return config ? c.json(config) : unknownTenant(c, c.req.param('tenant'));
  });

  app.get('/:tenant/discovery/v2.0/keys', (c) => {
    withCors(c);
    if (!resolveAuthorityTenant(c.req.param('tenant'))) return unknownTenant(c, c.req.param('tenant'));
    return c.json({ keys: [{ ...deps.key.publicJwk, issuer: `${requestOrigin(c, deps)}/{tenantid}/v2.0` }] });
  });

  // CORS preflight for every Entra JSON endpoint.
  for (const path of ['/:tenant/oauth2/*', '/:tenant/v2.0/*', '/:tenant/discovery/*']) {
    app.options(path, (c) => {
      withCors(c);
      return c.body(null, 204);
    });
  }
}
