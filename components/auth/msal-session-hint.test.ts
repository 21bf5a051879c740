import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMsalStorageKey, mayHaveMsalSession } from './msal-session-hint';

function fakeStorage(entries: Record<string, string>): Storage {
  const keys = Object.keys(entries);
  return {
    get length() {
      return keys.length;
    },
    key: (i: number) => keys[i] ?? null,
    getItem: (key: string) => entries[key] ?? null,
    setItem: () => undefined,
    removeItem: () => undefined,
    clear: () => undefined,
  };
}

function withStorage(local: Record<string, string>, session: Record<string, string> = {}) {
  vi.stubGlobal('localStorage', fakeStorage(local));
  vi.stubGlobal('sessionStorage', fakeStorage(session));
}

afterEach(() => vi.unstubAllGlobals());

describe('mayHaveMsalSession (whether AuthRoot loads MSAL)', () => {
  it('is false for a browser MSAL never signed in on, or signed out of (MSAL leaves only its version)', () => {
    withStorage({});
    expect(mayHaveMsalSession()).toBe(false);
    withStorage({ 'msal.version': '5.30.0', 'msal.3.account.keys': '[]', 'aks-ca-trust.rollout.op.x': '{}' });
    expect(mayHaveMsalSession()).toBe(false);
  });

  it('is true with an account in the cache, with or without a schema version in the key', () => {
    withStorage({ 'msal.3.account.keys': '["msal.3|oid.tid|login|tid"]' });
    expect(mayHaveMsalSession()).toBe(true);
    withStorage({ 'msal.account.keys': '["a"]' });
    expect(mayHaveMsalSession()).toBe(true);
  });

  it('is true while an interaction is under way (redirect state in sessionStorage) or when unsure', () => {
    withStorage({}, { 'msal.interaction.status': '{"clientId":"c","type":"signin"}' });
    expect(mayHaveMsalSession()).toBe(true);
    withStorage({ 'msal.3.account.keys': 'not json' });
    expect(mayHaveMsalSession()).toBe(true);
    vi.stubGlobal('sessionStorage', undefined);
    expect(mayHaveMsalSession()).toBe(true);
  });

  it('reacts to MSAL keys changed by another tab, and to storage being cleared', () => {
    expect(isMsalStorageKey('msal.3.account.keys')).toBe(true);
    expect(isMsalStorageKey(null)).toBe(true);
    expect(isMsalStorageKey('aks-ca-trust.demo-session')).toBe(false);
  });
});
