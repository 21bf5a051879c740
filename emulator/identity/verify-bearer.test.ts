import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CLIENT_ID, PERSONAS, TENANTS } from '../directory';
import { createVerifyBearer, loadOrCreateSigningKey, TokenSigner, type SigningKey } from './index';

const ORIGIN = 'https://localhost:8443';
const owner = PERSONAS[0]!;
const tenantId = TENANTS[0]!.tenantId;
let dataDir: string;
let key: SigningKey;
let signer: TokenSigner;
let verify: ReturnType<typeof createVerifyBearer>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'emulator-identity-'));
  key = await loadOrCreateSigningKey(dataDir);
  signer = new TokenSigner(key);
  verify = createVerifyBearer({ key, origins: [ORIGIN, 'https://127.0.0.1:8443'] });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const token = async (overrides: Partial<Parameters<TokenSigner['accessToken']>[0]> = {}) =>
  (
    await signer.accessToken({
      persona: owner,
      tenantId,
      clientId: EMULATOR_CLIENT_ID,
      origin: ORIGIN,
      scopes: ['https://management.azure.com/user_impersonation'],
      ...overrides,
    })
  ).accessToken;

describe('signing key', () => {
  it('is persisted with mode 0600 and keeps its kid across loads', async () => {
    const again = await loadOrCreateSigningKey(dataDir);
    expect(again.kid).toBe(key.kid);
    expect(statSync(join(dataDir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
  });
});

describe('VerifyBearer', () => {
  it('accepts a good token and returns the principal', async () => {
    const check = await verify(`Bearer ${await token()}`);
    expect(check).toEqual({
      ok: true,
      principal: {
        objectId: owner.objectId,
        tenantId,
        name: owner.name,
        username: owner.username,
        clientId: EMULATOR_CLIENT_ID,
      },
    });
  });

  it('accepts the management.core.windows.net audience and the 127.0.0.1 issuer', async () => {
    const classic = await token({
      scopes: ['https://management.core.windows.net//user_impersonation'],
      origin: 'https://127.0.0.1:8443',
    });
    expect((await verify(`bearer ${classic}`)).ok).toBe(true);
  });

  it('reports a missing or malformed header', async () => {
    expect(await verify(undefined)).toMatchObject({ ok: false, code: 'AuthenticationFailed' });
    expect(await verify('Basic abc')).toMatchObject({ ok: false, code: 'AuthenticationFailed' });
    expect(await verify('Bearer not-a-jwt')).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });
  });

  it('reports an expired token in ARM wording', async () => {
    const expired = await token({ now: Math.floor(Date.now() / 1000) - 7200 });
    const check = await verify(`Bearer ${expired}`);
    expect(check).toMatchObject({ ok: false, code: 'ExpiredAuthenticationToken' });
    if (!check.ok)
      expect(check.message).toMatch(/^The access token expiry UTC time '.+' is earlier than current UTC time '.+'\.$/);
  });

  it('refuses a wrong audience', async () => {
    const graph = await token({ scopes: ['https://graph.microsoft.com/User.Read'] });
    const check = await verify(`Bearer ${graph}`);
    expect(check).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });
    if (!check.ok) expect(check.message).toContain('wrong audience');
  });

  it('refuses a wrong issuer (other origin, or tid not matching the issuer)', async () => {
    const other = await token({ origin: 'https://login.microsoftonline.com' });
    const check = await verify(`Bearer ${other}`);
    expect(check).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });
    if (!check.ok) expect(check.message).toContain('wrong issuer');
    const forged = await new SignJWT({ tid: TENANTS[1]!.tenantId, oid: owner.objectId, scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(`${ORIGIN}/${tenantId}/v2.0`)
      .setAudience('https://management.azure.com')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key.privateKey);
    expect(await verify(`Bearer ${forged}`)).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });
  });

  it('refuses a tampered token and one signed by another key', async () => {
    const good = await token();
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, oid: PERSONAS[1]!.objectId })).toString('base64url')}.${signature}`;
    expect(await verify(`Bearer ${tampered}`)).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });

    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(privateKey);
    expect(await verify(`Bearer ${foreign}`)).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });

    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await verify(`Bearer ${none}`)).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken' });
  });

  it('never echoes the token in a message', async () => {
    const expired = await token({ now: 1_000_000 });
    const check = await verify(`Bearer ${expired}`);
    expect(JSON.stringify(check)).not.toContain(expired.split('.')[2]!);
  });
});
