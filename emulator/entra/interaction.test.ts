import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { EMULATOR_CLIENT_ID, TENANTS } from '../directory';
import { cookiePair } from '../testing/https-client';
import { temporaryEmulator } from '../testing/temporary-emulator';

const [CONTOSO, FABRIKAM] = TENANTS.map((t) => t.tenantId) as [string, string];
const ARM_SCOPE = 'https://management.azure.com/user_impersonation';
const REDIRECT = 'http://localhost:3000/auth/redirect';

const env = temporaryEmulator('emulator-interaction-');

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(tenant: string, challenge: string, prompt?: string) {
  const params = new URLSearchParams({
    client_id: EMULATOR_CLIENT_ID,
    scope: `${ARM_SCOPE} openid profile offline_access`,
    redirect_uri: REDIRECT,
    response_mode: 'fragment',
    response_type: 'code',
    state: 's',
    nonce: 'n',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    login_hint: 'olivia@contoso.onmicrosoft.com',
    ...(prompt ? { prompt } : {}),
  });
  return `${env.emulator.baseUrl}/${tenant}/oauth2/v2.0/authorize?${params}`;
}

const fragment = (location: string | undefined) => new URLSearchParams(new URL(location!).hash.slice(1));

async function pick(tenant: string, cookie?: string) {
  const { verifier, challenge } = pkce();
  const page = await env.get(authorizeUrl(tenant, challenge), cookie ? { headers: { cookie } } : {});
  expect(page.status).toBe(200); // the picker: the user interacts
  const transaction = /name="transaction" value="([^"]+)"/.exec(page.text)![1]!;
  const picked = await env.get(`${env.emulator.baseUrl}/${tenant}/oauth2/v2.0/authorize`, {
    form: { transaction, persona: 'owner' },
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const code = fragment(picked.header('location')).get('code')!;
  const token = await env.get(`${env.emulator.baseUrl}/${tenant}/oauth2/v2.0/token`, {
    form: {
      client_id: EMULATOR_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      scope: ARM_SCOPE,
    },
  });
  return {
    cookie: cookie ?? cookiePair(picked.header('set-cookie'))!,
    refreshToken: token.json<{ refresh_token: string }>().refresh_token,
  };
}

const refresh = (tenant: string, refreshToken: string) =>
  env.get(`${env.emulator.baseUrl}/${tenant}/oauth2/v2.0/token`, {
    form: { client_id: EMULATOR_CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken, scope: ARM_SCOPE },
  });

const setInteraction = (tenant: string, required: 'mfa' | 'consent' | null | string) =>
  env.get(`${env.emulator.baseUrl}/_emulator/identity/tenants/${tenant}/interaction`, {
    method: 'PUT',
    json: { required },
  });

describe('control: a tenant that needs interaction', () => {
  it('refuses silent tokens for that tenant as Entra does (AADSTS50076), others go on; the picker satisfies it', async () => {
    const { cookie, refreshToken } = await pick('organizations');
    expect((await setInteraction(FABRIKAM, 'mfa')).status).toBe(200);
    try {
      const refused = await refresh(FABRIKAM, refreshToken);
      expect(refused.status).toBe(400);
      const body = refused.json<Record<string, unknown>>();
      expect(body).toMatchObject({ error: 'invalid_grant', suberror: 'basic_action', error_codes: [50076] });
      expect(String(body.error_description)).toMatch(/^AADSTS50076: .*multi-factor authentication/);
      // The home tenant is not affected.
      expect((await refresh(CONTOSO, refreshToken)).status).toBe(200);

      // MSAL's iframe fallback (prompt=none) gets interaction_required; a plain authorize shows the picker.
      const silent = await env.get(authorizeUrl(FABRIKAM, pkce().challenge, 'none'), { headers: { cookie } });
      expect(fragment(silent.header('location')).get('error')).toBe('interaction_required');
      expect(fragment(silent.header('location')).get('error_description')).toMatch(/^AADSTS50076/);

      const after = await pick(FABRIKAM, cookie);
      const renewed = await refresh(FABRIKAM, after.refreshToken);
      expect(renewed.status).toBe(200);
      expect(decodeJwt(renewed.json<{ access_token: string }>().access_token).tid).toBe(FABRIKAM);
    } finally {
      await setInteraction(FABRIKAM, null);
    }
  });

  it('consent: invalid_grant with suberror consent_required (AADSTS65001); bad input is refused', async () => {
    const { refreshToken } = await pick('organizations');
    await setInteraction(FABRIKAM, 'consent');
    try {
      const refused = (await refresh(FABRIKAM, refreshToken)).json<Record<string, unknown>>();
      expect(refused).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
      expect((await setInteraction(FABRIKAM, 'always')).status).toBe(400);
      expect((await setInteraction('no-such-tenant', 'mfa')).status).toBe(404);
    } finally {
      await setInteraction(FABRIKAM, null);
    }
    expect((await refresh(FABRIKAM, refreshToken)).status).toBe(200);
  });
});
