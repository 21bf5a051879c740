import type { JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { TENANTS } from '../directory';
import { temporaryEmulator } from '../testing/temporary-emulator';

const CONTOSO = TENANTS[0]!.tenantId;
const env = temporaryEmulator('emulator-discovery-');

describe('discovery', () => {
  it('answers organizations with the {tenantid} issuer and absolute https endpoints', async () => {
    const res = await env.get(`${env.emulator.baseUrl}/organizations/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.header('access-control-allow-origin')).toBe('*');
    const config = res.json();
    expect(config.issuer).toBe(`${env.emulator.baseUrl}/{tenantid}/v2.0`);
    expect(config.authorization_endpoint).toBe(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/authorize`);
    expect(config.token_endpoint).toBe(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/token`);
    expect(config.end_session_endpoint).toBe(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/logout`);
    expect(config.jwks_uri).toBe(`${env.emulator.baseUrl}/organizations/discovery/v2.0/keys`);
    expect(config.response_modes_supported).toEqual(['query', 'fragment', 'form_post']);
    expect(config.id_token_signing_alg_values_supported).toEqual(['RS256']);
    for (const field of [
      'response_types_supported',
      'scopes_supported',
      'subject_types_supported',
      'token_endpoint_auth_methods_supported',
      'tenant_region_scope',
      'cloud_instance_name',
      'http_logout_supported',
      'frontchannel_logout_supported',
    ]) {
      expect(config).toHaveProperty(field);
    }
  });

  it('answers a tenant (by id or domain) with its id, and the origin the client used', async () => {
    const byDomain = (
      await env.get(
        `https://127.0.0.1:${env.emulator.port}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
      )
    ).json();
    expect(byDomain.issuer).toBe(`https://127.0.0.1:${env.emulator.port}/${CONTOSO}/v2.0`);
    expect(byDomain.token_endpoint).toBe(`https://127.0.0.1:${env.emulator.port}/${CONTOSO}/oauth2/v2.0/token`);
  });

  it('rejects an unknown tenant with OAuth error JSON', async () => {
    const res = await env.get(`${env.emulator.baseUrl}/not-a-tenant/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('invalid_tenant');
  });

  it('serves the signing key as a JWKS with kid, use and alg', async () => {
    const { keys } = (await env.get(`${env.emulator.baseUrl}/common/discovery/v2.0/keys`)).json<JSONWebKeySet>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    expect(keys[0]!.kid).toMatch(/\S{20,}/);
    expect(keys[0]).not.toHaveProperty('d');
  });
});
