import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { EMULATOR_CLIENT_ID, TENANTS } from '../directory';
import { cookiePair } from '../testing/https-client';
import { temporaryEmulator } from '../testing/temporary-emulator';

const [CONTOSO, FABRIKAM] = TENANTS.map((t) => t.tenantId) as [string, string];
const ARM_SCOPE = 'https://management.azure.com/user_impersonation';
const REDIRECT = 'http://localhost:3000/auth/redirect';

const env = temporaryEmulator('emulator-entra-');

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

interface AuthorizeInput {
  tenant?: string;
  prompt?: string;
  loginHint?: string;
  cookie?: string;
  clientId?: string;
  redirectUri?: string;
  responseMode?: string;
  scope?: string;
  challenge?: string;
}

function authorizeUrl(input: AuthorizeInput = {}, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: input.clientId ?? EMULATOR_CLIENT_ID,
    scope: input.scope ?? `${ARM_SCOPE} openid profile offline_access`,
    redirect_uri: input.redirectUri ?? REDIRECT,
    response_mode: input.responseMode ?? 'fragment',
    response_type: 'code',
    state: 'state-123',
    nonce: 'nonce-456',
    client_info: '1',
    code_challenge_method: 'S256',
    ...(input.challenge ? { code_challenge: input.challenge } : {}),
    ...(input.prompt ? { prompt: input.prompt } : {}),
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    ...extra,
  });
  return `${env.emulator.baseUrl}/${input.tenant ?? 'organizations'}/oauth2/v2.0/authorize?${params}`;
}

function fragmentOf(location: string | undefined): URLSearchParams {
  expect(location).toBeDefined();
  const url = new URL(location!);
  return new URLSearchParams(url.hash.slice(1));
}

/** Authorize, pick a persona on the page, return the code and the session cookie. */
async function signInWithPicker(persona: string, input: AuthorizeInput = {}) {
  const { verifier, challenge } = pkce();
  const page = await env.get(authorizeUrl({ ...input, challenge }));
  expect(page.status).toBe(200);
  const transaction = /name="transaction" value="([^"]+)"/.exec(page.text)?.[1];
  expect(transaction).toBeDefined();
  const action = new URL(authorizeUrl(input)).pathname;
  const picked = await env.get(`${env.emulator.baseUrl}${action}`, { form: { transaction: transaction!, persona } });
  expect(picked.status).toBe(302);
  const params = fragmentOf(picked.header('location'));
  return { code: params.get('code')!, params, verifier, cookie: cookiePair(picked.header('set-cookie')), picked };
}

async function redeem(
  code: string,
  verifier: string,
  tenant = 'organizations',
  overrides: Record<string, string> = {},
) {
  return env.get(`${env.emulator.baseUrl}/${tenant}/oauth2/v2.0/token?client-request-id=abc`, {
    form: {
      client_id: EMULATOR_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      scope: `${ARM_SCOPE} openid profile offline_access`,
      client_info: '1',
      ...overrides,
    },
  });
}

describe('authorization code + PKCE', () => {
  it('signs in through the picker and redeems the code for Entra-shaped tokens', async () => {
    const { code, params, verifier, picked } = await signInWithPicker('owner');
    expect(params.get('state')).toBe('state-123');
    expect(JSON.parse(Buffer.from(params.get('client_info')!, 'base64url').toString())).toEqual({
      uid: '11111111-0000-4000-8000-00000000000a',
      utid: CONTOSO,
    });
    expect(picked.header('set-cookie')).toMatch(/; Secure/i);
    expect(picked.header('set-cookie')).toMatch(/HttpOnly/i);
    expect(picked.header('set-cookie')).toMatch(/SameSite=None/i);

    const res = await redeem(code, verifier);
    expect(res.status).toBe(200);
    expect(res.header('cache-control')).toBe('no-store');
    expect(res.header('access-control-allow-origin')).toBe('*');
    const body = res.json<Record<string, string | number>>();
    expect(body).toMatchObject({ token_type: 'Bearer', scope: ARM_SCOPE, expires_in: 3599, ext_expires_in: 3599 });
    expect(typeof body.refresh_token).toBe('string');
    expect(body.client_info).toBe(params.get('client_info'));

    const jwks = createLocalJWKSet(
      (await env.get(`${env.emulator.baseUrl}/common/discovery/v2.0/keys`)).json<JSONWebKeySet>(),
    );
    const issuer = `${env.emulator.baseUrl}/${CONTOSO}/v2.0`;
    const idToken = await jwtVerify(String(body.id_token), jwks, { issuer, audience: EMULATOR_CLIENT_ID });
    expect(idToken.protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(idToken.payload).toMatchObject({
      nonce: 'nonce-456',
      tid: CONTOSO,
      oid: '11111111-0000-4000-8000-00000000000a',
      sub: '11111111-0000-4000-8000-00000000000a',
      name: 'Olivia Owner',
      preferred_username: 'olivia@contoso.onmicrosoft.com',
      ver: '2.0',
    });
    const access = await jwtVerify(String(body.access_token), jwks, {
      issuer,
      audience: 'https://management.azure.com',
    });
    expect(access.payload).toMatchObject({
      scp: 'user_impersonation',
      azp: EMULATOR_CLIENT_ID,
      tid: CONTOSO,
      ver: '2.0',
    });
    expect(access.payload.exp! - access.payload.iat!).toBe(3599);
    expect(access.payload.nbf).toBe(access.payload.iat);
  });

  it('gives the authority tenant when it is a tenant, the home tenant for organizations', async () => {
    const inFabrikam = await signInWithPicker('owner', { tenant: FABRIKAM });
    const body = (await redeem(inFabrikam.code, inFabrikam.verifier, FABRIKAM)).json<{ access_token: string }>();
    expect(decodeJwt(body.access_token)).toMatchObject({
      tid: FABRIKAM,
      iss: `${env.emulator.baseUrl}/${FABRIKAM}/v2.0`,
    });

    const operator = await signInWithPicker('operator');
    const opBody = (await redeem(operator.code, operator.verifier)).json<{ access_token: string }>();
    expect(decodeJwt(opBody.access_token).tid).toBe(FABRIKAM);
  });

  it('refuses a wrong verifier, then the same code again', async () => {
    const { code } = await signInWithPicker('reader');
    const wrong = await redeem(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect(String(wrong.json().error_description)).toContain('Code_Verifier');
    const again = await redeem(code, pkce().verifier);
    expect(again.json().error).toBe('invalid_grant');
  });

  it('refuses a code used twice', async () => {
    const { code, verifier } = await signInWithPicker('reader');
    expect((await redeem(code, verifier)).status).toBe(200);
    const reused = await redeem(code, verifier);
    expect(reused.status).toBe(400);
    expect(reused.json().error).toBe('invalid_grant');
  });

  it('binds the code to the redirect URI, client and tenant', async () => {
    const a = await signInWithPicker('owner');
    expect(
      (await redeem(a.code, a.verifier, 'organizations', { redirect_uri: 'http://localhost:3000/other' })).json().error,
    ).toBe('invalid_grant');
    const b = await signInWithPicker('owner');
    expect((await redeem(b.code, b.verifier, 'organizations', { client_id: 'someone-else' })).json().error).toBe(
      'invalid_client',
    );
    const c = await signInWithPicker('owner', { tenant: CONTOSO });
    expect((await redeem(c.code, c.verifier, FABRIKAM)).json().error).toBe('invalid_grant');
  });

  it('refreshes, also for another resource', async () => {
    const { code, verifier } = await signInWithPicker('owner');
    const first = (await redeem(code, verifier)).json<{ refresh_token: string }>();
    const refresh = (scope: string) =>
      env.get(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/token`, {
        form: { client_id: EMULATOR_CLIENT_ID, grant_type: 'refresh_token', refresh_token: first.refresh_token, scope },
      });
    const arm = await refresh(`${ARM_SCOPE} openid profile offline_access`);
    expect(arm.status).toBe(200);
    expect(decodeJwt(arm.json<{ access_token: string }>().access_token).aud).toBe('https://management.azure.com');
    const graph = await refresh('openid profile offline_access');
    expect(decodeJwt(graph.json<{ access_token: string }>().access_token).aud).toBe(
      '00000003-0000-0000-c000-000000000000',
    );
    const otherTenant = await env.get(`${env.emulator.baseUrl}/${FABRIKAM}/oauth2/v2.0/token`, {
      form: {
        client_id: EMULATOR_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        scope: ARM_SCOPE,
      },
    });
    const otherBody = otherTenant.json<{ access_token: string; client_info: string }>();
    expect(decodeJwt(otherBody.access_token)).toMatchObject({ tid: FABRIKAM, aud: 'https://management.azure.com' });
    // client_info names the home account whatever the tenant (MSAL keeps one account, one profile per tenant).
    expect(JSON.parse(Buffer.from(otherBody.client_info, 'base64url').toString())).toEqual({
      uid: '11111111-0000-4000-8000-00000000000a',
      utid: CONTOSO,
    });
    const bad = await env.get(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/token`, {
      form: { client_id: EMULATOR_CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'nope' },
    });
    expect(bad.json().error).toBe('invalid_grant');
  });

  it('answers bad token requests with OAuth errors, never a crash', async () => {
    const token = `${env.emulator.baseUrl}/organizations/oauth2/v2.0/token`;
    expect(
      (await env.get(token, { form: { client_id: EMULATOR_CLIENT_ID, grant_type: 'password' } })).json().error,
    ).toBe('unsupported_grant_type');
    expect((await env.get(token, { form: { client_id: EMULATOR_CLIENT_ID } })).json().error).toBe('invalid_request');
    expect(
      (await env.get(token, { form: { grant_type: 'authorization_code', code: 'x', redirect_uri: REDIRECT } })).json()
        .error,
    ).toBe('invalid_request');
    const notForm = await env.get(token, { json: { grant_type: 'authorization_code' } });
    expect(notForm.status).toBe(400);
    expect(notForm.json().error).toBe('invalid_request');
    const preflight = await env.get(token, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000' } });
    expect(preflight.status).toBe(204);
    expect(preflight.header('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.header('access-control-allow-headers')).toBe('*');
  });
});

describe('authorize: clients, redirects, prompts', () => {
  it('shows an error page, not a redirect, for an unknown client or a non-loopback redirect URI', async () => {
    const unknownClient = await env.get(
      authorizeUrl({ clientId: '00000000-0000-0000-0000-000000000000', challenge: pkce().challenge }),
    );
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.header('location')).toBeUndefined();
    expect(unknownClient.text).toContain('AADSTS700016');
    for (const redirectUri of [
      'https://evil.example/cb',
      'javascript:alert(1)',
      'http://localhost.evil.example/',
      '//evil.example',
    ]) {
      const res = await env.get(authorizeUrl({ redirectUri, challenge: pkce().challenge }));
      expect(res.status).toBe(400);
      expect(res.header('location')).toBeUndefined();
    }
  });

  it('sends other errors back to the app: missing PKCE, unsupported response_type', async () => {
    const noPkce = await env.get(authorizeUrl());
    expect(noPkce.status).toBe(302);
    expect(fragmentOf(noPkce.header('location')).get('error')).toBe('invalid_request');
    const token = await env.get(authorizeUrl({ challenge: pkce().challenge }, { response_type: 'token' }));
    expect(fragmentOf(token.header('location')).get('error')).toBe('unsupported_response_type');
    expect(fragmentOf(token.header('location')).get('state')).toBe('state-123');
  });

  it('prompt=none: login_required without a session, a code with one', async () => {
    const silent = await env.get(
      authorizeUrl({ prompt: 'none', loginHint: 'olivia@contoso.onmicrosoft.com', challenge: pkce().challenge }),
    );
    expect(silent.status).toBe(302);
    const error = fragmentOf(silent.header('location'));
    expect(error.get('error')).toBe('login_required');
    expect(error.get('state')).toBe('state-123');

    const { cookie } = await signInWithPicker('owner');
    const { verifier, challenge } = pkce();
    const withSession = await env.get(
      authorizeUrl({ prompt: 'none', loginHint: 'olivia@contoso.onmicrosoft.com', challenge }),
      {
        headers: { cookie: cookie! },
      },
    );
    expect(withSession.status).toBe(302);
    const code = fragmentOf(withSession.header('location')).get('code');
    expect(code).toBeTruthy();
    expect((await redeem(code!, verifier)).status).toBe(200);

    const otherHint = await env.get(
      authorizeUrl({ prompt: 'none', loginHint: 'ravi@contoso.onmicrosoft.com', challenge }),
      {
        headers: { cookie: cookie! },
      },
    );
    expect(fragmentOf(otherHint.header('location')).get('error')).toBe('login_required');
  });

  it('prompt=select_account shows the picker even with a session; query mode puts the code in the query', async () => {
    const { cookie } = await signInWithPicker('owner');
    const picker = await env.get(authorizeUrl({ prompt: 'select_account', challenge: pkce().challenge }), {
      headers: { cookie: cookie! },
    });
    expect(picker.status).toBe(200);
    expect(picker.text).toContain('Olivia Owner');
    expect(picker.text).toMatch(/<button type="submit" name="persona" value="nobody"/);
    const sso = await env.get(authorizeUrl({ responseMode: 'query', challenge: pkce().challenge }), {
      headers: { cookie: cookie! },
    });
    expect(sso.status).toBe(302);
    const location = new URL(sso.header('location')!);
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.hash).toBe('');
  });

  it('logout clears the session and redirects only to loopback', async () => {
    const { cookie } = await signInWithPicker('owner');
    const out = await env.get(
      `${env.emulator.baseUrl}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://localhost:3000/')}`,
      { headers: { cookie: cookie! } },
    );
    expect(out.status).toBe(302);
    expect(out.header('location')).toBe('http://localhost:3000/');
    expect(out.header('set-cookie')).toMatch(/Max-Age=0/i);
    const silent = await env.get(authorizeUrl({ prompt: 'none', challenge: pkce().challenge }), {
      headers: { cookie: cookie! },
    });
    expect(fragmentOf(silent.header('location')).get('error')).toBe('login_required');
    const evil = await env.get(
      `${env.emulator.baseUrl}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F`,
    );
    expect(evil.status).toBe(400);
    expect(evil.header('location')).toBeUndefined();
  });
});

describe('control: session revocation and token lifetime', () => {
  const control = (path: string, method: string, json?: unknown) =>
    env.get(`${env.emulator.baseUrl}/_emulator${path}`, { method, ...(json ? { json } : {}) });

  it('revoking sessions makes refresh tokens and silent sign-in fail as Entra does (interaction required)', async () => {
    const { code, verifier, cookie } = await signInWithPicker('owner');
    const { refresh_token } = (await redeem(code, verifier)).json<{ refresh_token: string }>();
    expect((await control('/identity/revoke-sessions', 'POST')).status).toBe(200);

    const refreshed = await env.get(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/token`, {
      form: { client_id: EMULATOR_CLIENT_ID, grant_type: 'refresh_token', refresh_token, scope: ARM_SCOPE },
    });
    expect(refreshed.status).toBe(400);
    expect(refreshed.json().error).toBe('invalid_grant');
    const silent = await env.get(
      authorizeUrl({ prompt: 'none', loginHint: 'olivia@contoso.onmicrosoft.com', challenge: pkce().challenge }),
      { headers: { cookie: cookie! } },
    );
    expect(fragmentOf(silent.header('location')).get('error')).toBe('login_required');
  });

  it('access-token lifetime is settable within bounds', async () => {
    expect((await control('/identity/settings', 'PUT', { accessTokenLifetimeSeconds: 10 })).status).toBe(400);
    expect((await control('/identity/settings', 'PUT', { accessTokenLifetimeSeconds: 240 })).json()).toEqual({
      accessTokenLifetimeSeconds: 240,
    });
    const { code, verifier } = await signInWithPicker('owner');
    expect((await redeem(code, verifier)).json<{ expires_in: number }>().expires_in).toBe(240);
    await control('/identity/settings', 'PUT', { accessTokenLifetimeSeconds: 3599 });
  });
});
