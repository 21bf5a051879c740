import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { PERSONAS, TENANTS } from './directory';
import { Hono } from 'hono';
import { isLoopbackAddress, loopbackOnly } from './platform/loopback';
import { httpsClient } from './testing/https-client';
import { startEmulator } from './server';
import { temporaryEmulator } from './testing/temporary-emulator';

const env = temporaryEmulator('emulator-server-');

describe('startEmulator', () => {
  it('serves https on localhost and 127.0.0.1 with the local CA', async () => {
    expect(env.emulator.baseUrl).toBe(`https://localhost:${env.emulator.port}`);
    expect(env.emulator.caFile).toBe(join(env.dataDir, 'ca.pem'));
    expect(readFileSync(env.emulator.caFile, 'utf8')).toBe(env.emulator.caPem);
    expect((await env.get(`${env.emulator.baseUrl}/_emulator/health`)).json()).toEqual({ ok: true });
    expect((await env.get(`https://127.0.0.1:${env.emulator.port}/_emulator/health`)).status).toBe(200);
  });

  it('keeps private keys at mode 0600', () => {
    for (const file of ['ca-key.pem', 'server-key.pem', 'signing-key.pem']) {
      expect(statSync(join(env.dataDir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('reuses the CA, server certificate and signing key on restart, and renews a missing server certificate', async () => {
    const before = ['ca.pem', 'server.pem', 'signing-key.pem'].map((f) => readFileSync(join(env.dataDir, f), 'utf8'));
    const second = await startEmulator({ port: 0, dataDir: env.dataDir, quiet: true });
    try {
      const after = ['ca.pem', 'server.pem', 'signing-key.pem'].map((f) => readFileSync(join(env.dataDir, f), 'utf8'));
      expect(after).toEqual(before);
      expect(second.caPem).toBe(env.emulator.caPem);
    } finally {
      await second.close();
    }
    rmSync(join(env.dataDir, 'server.pem'));
    const third = await startEmulator({ port: 0, dataDir: env.dataDir, quiet: true });
    try {
      expect(readFileSync(join(env.dataDir, 'server.pem'), 'utf8')).not.toBe(before[1]);
      expect(third.caPem).toBe(env.emulator.caPem);
      expect((await httpsClient(third.caPem)(`${third.baseUrl}/_emulator/health`)).status).toBe(200);
    } finally {
      await third.close();
    }
  });

  it('fails clearly when the port is taken', async () => {
    await expect(startEmulator({ port: env.emulator.port, dataDir: env.dataDir, quiet: true })).rejects.toThrow(
      /already in use/,
    );
  });
});

describe('control API', () => {
  it('issues an ARM token for a persona in its home tenant or a given tenant', async () => {
    const res = await env.get(`${env.emulator.baseUrl}/_emulator/token`, { json: { persona: 'owner' } });
    expect(res.status).toBe(200);
    expect(res.header('cache-control')).toBe('no-store');
    const body = res.json<{
      access_token: string;
      token_type: string;
      expires_in: number;
      expires_on: number;
      tenant_id: string;
    }>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, tenant_id: TENANTS[0]!.tenantId });
    expect(body.expires_on).toBeGreaterThan(Date.now() / 1000);
    expect(decodeJwt(body.access_token)).toMatchObject({
      aud: 'https://management.azure.com',
      oid: PERSONAS[0]!.objectId,
    });
    const fabrikam = await env.get(`${env.emulator.baseUrl}/_emulator/token`, {
      json: { persona: 'owner', tenantId: TENANTS[1]!.tenantId },
    });
    expect(decodeJwt(fabrikam.json<{ access_token: string }>().access_token).tid).toBe(TENANTS[1]!.tenantId);
  });

  it('404s an unknown persona, listing the valid ids; 400s a bad body', async () => {
    const res = await env.get(`${env.emulator.baseUrl}/_emulator/token`, { json: { persona: 'mallory' } });
    expect(res.status).toBe(404);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('owner, reader');
    expect(
      (
        await env.get(`${env.emulator.baseUrl}/_emulator/token`, {
          body: 'not json',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await env.get(`${env.emulator.baseUrl}/_emulator/token`, { json: { persona: 'owner', tenantId: 'nope' } }))
        .status,
    ).toBe(400);
  });

  it('lists personas', async () => {
    const { value } = (await env.get(`${env.emulator.baseUrl}/_emulator/personas`)).json<{
      value: { id: string; homeTenantId: string }[];
    }>();
    expect(value.map((p) => p.id)).toEqual(expect.arrayContaining(['owner', 'reader', 'nobody']));
    expect(value[0]).toHaveProperty('homeTenantId');
  });

  it('refuses control requests from a non-loopback address', async () => {
    const app = new Hono();
    app.use('*', loopbackOnly);
    app.get('/health', (c) => c.json({ ok: true }));
    const from = (remoteAddress: string) => app.request('/health', {}, { incoming: { socket: { remoteAddress } } });
    expect((await from('10.1.2.3')).status).toBe(403);
    expect(await (await from('10.1.2.3')).json()).toHaveProperty('error.code', 'Forbidden');
    expect((await from('::ffff:127.0.0.1')).status).toBe(200);
  });

  it('recognises loopback addresses only', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.1', '', undefined])
      expect(isLoopbackAddress(a)).toBe(false);
  });
});

describe('errors', () => {
  it('answers unknown paths with JSON in the right shape, never a stack', async () => {
    const arm = await env.get(`${env.emulator.baseUrl}/no/such/route`);
    expect(arm.header('content-type')).toContain('application/json');
    expect(arm.json()).toHaveProperty('error.code');
    const control = await env.get(`${env.emulator.baseUrl}/_emulator/no-such-thing`);
    expect(control.status).toBe(404);
    expect(control.json()).toHaveProperty('error.code');
    const entra = await env.get(`${env.emulator.baseUrl}/organizations/oauth2/v2.0/nothing`);
    expect(entra.status).toBe(404);
    expect(entra.json()).toHaveProperty('error', 'invalid_request');
    expect(arm.text + control.text + entra.text).not.toMatch(/\bat .+\.ts:\d+/);
  });
});
