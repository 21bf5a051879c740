import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { authorityOrigins, contentSecurityPolicy, createNonce, servedOverHttps } from './headers';
import { STATIC_SECURITY_HEADERS } from './static-headers.mjs';

const CLIENT_ID = '0e3b6c2a-5c1f-4b5e-9a55-ca7457c0ffee';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );

describe('content security policy', () => {
  const csp = contentSecurityPolicy('abc123', { authorityOrigins: ['https://login.microsoftonline.com'] });
  const d = directives(csp);

  it('allows only scripts carrying the nonce (and what they load), never inline or eval', () => {
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('lets the browser reach only this origin and the authority, and be framed only by itself', () => {
    expect(d.get('connect-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(d.get('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(d.get('frame-ancestors')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(contentSecurityPolicy('n', { authorityOrigins: [] }, true)).toContain("'unsafe-eval'");
  });

  it('takes the authority and known authorities from the runtime configuration (the emulator in demo mode)', () => {
    expect(authorityOrigins(parseConfig({ AZURE_CLIENT_ID: CLIENT_ID }))).toEqual([
      'https://login.microsoftonline.com',
    ]);
    const emulator = parseConfig({
      AZURE_CLIENT_ID: CLIENT_ID,
      ARM_ENDPOINT: 'https://localhost:8451',
      AUTH_MODE: 'demo',
    });
    expect(authorityOrigins(emulator)).toEqual(['https://localhost:8451']);
    const b2c = parseConfig({
      AZURE_CLIENT_ID: CLIENT_ID,
      AZURE_AUTHORITY: 'https://login.contoso.com/tenant',
      AZURE_KNOWN_AUTHORITIES: 'login.contoso.com,sso.contoso.com:8443',
    });
    expect(authorityOrigins(b2c)).toEqual(['https://login.contoso.com', 'https://sso.contoso.com:8443']);
  });

  it('makes a new 128-bit nonce every time', () => {
    const a = createNonce();
    expect(atob(a)).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});

describe('HSTS', () => {
  it('is sent only when a proxy the operator trusts says https', () => {
    expect(servedOverHttps('https', true)).toBe(true);
    expect(servedOverHttps('https, http', true)).toBe(true);
    expect(servedOverHttps('http', true)).toBe(false);
    expect(servedOverHttps(null, true)).toBe(false);
    expect(servedOverHttps('https', false)).toBe(false);
  });

  it('TRUST_FORWARDED_PROTO is true or false, default false', () => {
    expect(parseConfig({ AZURE_CLIENT_ID: CLIENT_ID }).trustForwardedProto).toBe(false);
    expect(parseConfig({ AZURE_CLIENT_ID: CLIENT_ID, TRUST_FORWARDED_PROTO: 'TRUE' }).trustForwardedProto).toBe(true);
    expect(() => parseConfig({ AZURE_CLIENT_ID: CLIENT_ID, TRUST_FORWARDED_PROTO: 'yes' })).toThrow(
      'TRUST_FORWARDED_PROTO: must be true or false',
    );
  });
});

describe('static security headers', () => {
  const byName = new Map(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value]));
  it('are nosniff, no-referrer, same-origin framing and a restrictive permissions policy', () => {
    expect(byName.get('x-content-type-options')).toBe('nosniff');
    expect(byName.get('referrer-policy')).toBe('no-referrer');
    expect(byName.get('x-frame-options')).toBe('SAMEORIGIN');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(byName.get('permissions-policy')).toContain(`${feature}=()`);
  });
});
