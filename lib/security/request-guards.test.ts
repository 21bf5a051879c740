import { describe, expect, it } from 'vitest';
import { isDecodablePath, isOversizeAction, isReadableActionBody } from './request-guards';

describe('request guards', () => {
  it('flags a server-action POST whose declared body is over 1 MB', () => {
    const action = (length: number) => new Headers({ 'next-action': 'abc', 'content-length': String(length) });
    expect(isOversizeAction('POST', action(10 * 1024 * 1024))).toBe(true);
    expect(isOversizeAction('POST', action(1024 * 1024))).toBe(false);
    expect(isOversizeAction('GET', action(10 * 1024 * 1024))).toBe(false);
    expect(isOversizeAction('POST', new Headers({ 'content-length': String(10 * 1024 * 1024) }))).toBe(false);
  });

  it('finds paths whose percent-encoding does not decode', () => {
    expect(isDecodablePath('/clusters/%E0%A4%A/x/y')).toBe(false);
    expect(isDecodablePath('/clusters/%ZZ/x/y')).toBe(false);
    expect(isDecodablePath('/clusters/00000000-0000-0000-0000-000000000000/rg%20a/aks')).toBe(true);
  });
});

describe('server action bodies', () => {
  const text = (value: string) => new TextEncoder().encode(value).buffer as ArrayBuffer;
  const plain = 'text/plain;charset=UTF-8';

  it('accepts what Next’s client sends for plain arguments', async () => {
    expect(await isReadableActionBody(plain, text('["a.b.c",{"name":"aks","tags":["$$x"],"at":"$D2026-01-01"}]'))).toBe(
      true,
    );
    expect(await isReadableActionBody(plain, text('["$undefined",1,null]'))).toBe(true);
  });

  it('refuses what Next would answer with a 500', async () => {
    for (const body of ['[', 'garbage', '{"a":1}', '["$Q1",{}]', '[{"x":"$@2"}]'])
      expect(await isReadableActionBody(plain, text(body)), body).toBe(false);
    expect(await isReadableActionBody(plain, new Uint8Array([0x5b, 0xff, 0x5d]).buffer as ArrayBuffer)).toBe(false);
    const form = new FormData();
    form.set('a', 'b');
    const multipart = new Response(form);
    const type = multipart.headers.get('content-type')!;
    expect(await isReadableActionBody(type, await multipart.arrayBuffer())).toBe(false);
    expect(await isReadableActionBody('multipart/form-data; boundary=x', text('not multipart'))).toBe(false);
  });

  it('accepts a multipart body with its root part', async () => {
    const form = new FormData();
    form.set('0', '["$K1"]');
    const multipart = new Response(form);
    expect(await isReadableActionBody(multipart.headers.get('content-type')!, await multipart.arrayBuffer())).toBe(
      true,
    );
  });
});
