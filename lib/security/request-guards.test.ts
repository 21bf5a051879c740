import { describe, expect, it } from 'vitest';
import { isDecodablePath, isOversizeAction } from './request-guards';

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
