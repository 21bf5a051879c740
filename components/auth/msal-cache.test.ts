import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Logger, StubPerformanceClient } from '@azure/msal-common/browser';
import { readCachedAccount, readCachedArmToken, type CachedAccount } from './msal-cache';

/**
 * The entries are written by MSAL's own LocalStorage class (the one PublicClientApplication uses for
 * `cacheLocation: 'localStorage'`), so this test fails when an MSAL upgrade changes the format msal-cache.ts reads.
 */
interface MsalLocalStorage {
  initialize(correlationId: string): Promise<void>;
  setItem(key: string, value: string): void;
  setUserData(key: string, value: string, correlationId: string, timestamp: string): Promise<void>;
  broadcast: BroadcastChannel;
}
type LocalStorageClass = new (clientId: string, logger: Logger, performance: unknown) => MsalLocalStorage;

const CLIENT = '3c9f6a5e-0d61-4a3c-9d1b-5b7f2a1e8c44';
const HOME = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER = 'bbbbbbbb-0000-4000-8000-000000000002';
const OID = '11111111-2222-4333-8444-555555555555';
const HOME_ACCOUNT = `${OID}.${HOME}`;
const ENV = 'login.example.test';
const SCOPE = 'https://management.azure.com/user_impersonation';
const NOW = 1_800_000_000;

let storage: MsalLocalStorage;

/** The browser globals MSAL's LocalStorage and msal-cache.ts use: localStorage, document.cookie, window.crypto. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  const api = {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, String(value)),
    removeItem: (key: string) => void map.delete(key),
    clear: () => map.clear(),
    hasOwnProperty: (key: string) => map.has(key),
  };
  // Object.keys(localStorage) and { ...localStorage } list the entries, as in a browser.
  return new Proxy(api, {
    ownKeys: () => [...map.keys()],
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === 'string' && map.has(key)
        ? { value: map.get(key), enumerable: true, configurable: true }
        : undefined,
  }) as unknown as Storage;
}

function cookieJar() {
  const jar = new Map<string, string>();
  return {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(text: string) {
      const [pair = '', ...attributes] = text.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='));
      if (expires && Date.parse(expires.trim().slice(8)) < Date.now()) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1));
    },
  };
}

const local = memoryStorage();
vi.stubGlobal('localStorage', local);
vi.stubGlobal('document', cookieJar());
vi.stubGlobal('window', { localStorage: local, crypto: globalThis.crypto });

async function freshMsalStorage() {
  const path = '../../node_modules/@azure/msal-browser/dist/cache/LocalStorage.mjs';
  const { LocalStorage } = (await import(/* @vite-ignore */ path)) as { LocalStorage: LocalStorageClass };
  storage?.broadcast.close();
  storage = new LocalStorage(CLIENT, new Logger({}), new StubPerformanceClient());
  await storage.initialize('test');
}

async function put(key: string, entity: object) {
  await storage.setUserData(key, JSON.stringify(entity), 'test', String(Date.now()));
}

function accessToken(realm: string, secret: string, overrides: Record<string, string> = {}) {
  return {
    homeAccountId: HOME_ACCOUNT,
    credentialType: 'AccessToken',
    secret,
    cachedAt: String(NOW - 60),
    expiresOn: String(NOW + 3600),
    extendedExpiresOn: String(NOW + 3600),
    environment: ENV,
    clientId: CLIENT,
    realm,
    target: `${SCOPE} openid profile`,
    tokenType: 'Bearer',
    ...overrides,
  };
}

const atKey = (realm: string) =>
  `msal.3|${HOME_ACCOUNT}|${ENV}|AccessToken|${CLIENT}|${realm}|${SCOPE.toLowerCase()} openid profile|`;

async function seed(tokens: Record<string, object>) {
  const accountKey = `msal.3|${HOME_ACCOUNT}|${ENV}|${HOME}`;
  await put(accountKey, {
    homeAccountId: HOME_ACCOUNT,
    environment: ENV,
    realm: HOME,
    localAccountId: OID,
    username: 'olivia@contoso.example',
    name: 'Olivia Owner',
    authorityType: 'MSSTS',
  });
  storage.setItem('msal.3.account.keys', JSON.stringify([accountKey]));
  for (const [key, entity] of Object.entries(tokens)) await put(key, entity);
  storage.setItem(
    `msal.3.token.keys.${CLIENT}`,
    JSON.stringify({ idToken: [], accessToken: Object.keys(tokens), refreshToken: [] }),
  );
  storage.setItem(
    `msal.${CLIENT}.active-account-filters`,
    JSON.stringify({ homeAccountId: HOME_ACCOUNT, localAccountId: OID, tenantId: HOME }),
  );
}

beforeAll(freshMsalStorage);
afterAll(() => storage?.broadcast.close());
beforeEach(() => localStorage.clear());

describe('msal-cache: the account and ARM token MSAL 5 keeps in localStorage, read without MSAL', () => {
  it('reads the active account and the fresh token of each tenant from entries MSAL encrypted', async () => {
    await seed({ [atKey(HOME)]: accessToken(HOME, 'home-token'), [atKey(OTHER)]: accessToken(OTHER, 'other-token') });
    // Really encrypted at rest: the token text is nowhere in storage.
    expect(Object.values({ ...localStorage }).join('')).not.toContain('home-token');
    const account = await readCachedAccount(CLIENT);
    expect(account).toEqual({
      homeAccountId: HOME_ACCOUNT,
      localAccountId: OID,
      environment: ENV,
      tenantId: HOME,
      name: 'Olivia Owner',
      username: 'olivia@contoso.example',
    });
    expect(await readCachedArmToken(CLIENT, account!, SCOPE, undefined, NOW)).toBe('home-token');
    expect(await readCachedArmToken(CLIENT, account!, SCOPE.toUpperCase(), OTHER, NOW)).toBe('other-token');
  });

  it('answers null (MSAL decides) for a token near expiry, past refreshOn, of another tenant, scope or client', async () => {
    await seed({ [atKey(HOME)]: accessToken(HOME, 'home-token', { expiresOn: String(NOW + 299) }) });
    const account = (await readCachedAccount(CLIENT))!;
    expect(await readCachedArmToken(CLIENT, account, SCOPE, undefined, NOW)).toBeNull();
    expect(await readCachedArmToken(CLIENT, account, SCOPE, undefined, NOW - 3600)).toBeNull(); // cachedAt ahead

    await seed({ [atKey(HOME)]: accessToken(HOME, 'home-token', { refreshOn: String(NOW - 1) }) });
    expect(await readCachedArmToken(CLIENT, account, SCOPE, undefined, NOW)).toBeNull();

    await seed({ [atKey(HOME)]: accessToken(HOME, 'home-token') });
    expect(await readCachedArmToken(CLIENT, account, SCOPE, OTHER, NOW)).toBeNull();
    expect(await readCachedArmToken(CLIENT, account, 'https://graph.example/.default', undefined, NOW)).toBeNull();
    expect(await readCachedArmToken('another-client', account, SCOPE, undefined, NOW)).toBeNull();
    const stranger: CachedAccount = { ...account, homeAccountId: `x.${HOME}` };
    expect(await readCachedArmToken(CLIENT, stranger, SCOPE, undefined, NOW)).toBeNull();
  });

  it('answers null for two matching tokens, a PoP token, or a cache of an earlier browser session', async () => {
    await seed({
      [atKey(HOME)]: accessToken(HOME, 'one'),
      [`${atKey(HOME)}x`]: accessToken(HOME, 'two'),
    });
    const account = (await readCachedAccount(CLIENT))!;
    expect(await readCachedArmToken(CLIENT, account, SCOPE, undefined, NOW)).toBeNull();

    await seed({ [atKey(HOME)]: accessToken(HOME, 'pop', { keyId: 'kid-1' }) });
    expect(await readCachedArmToken(CLIENT, account, SCOPE, undefined, NOW)).toBeNull();

    await seed({ [atKey(HOME)]: accessToken(HOME, 'home-token') });
    // A new browser session: MSAL's cookie is gone and a new key is made; the old entries no longer decrypt.
    document.cookie = 'msal.cache.encryption=;path=/;expires=Thu, 01 Jan 1970 00:00:00 GMT;Secure;SameSite=None';
    await freshMsalStorage();
    expect(await readCachedAccount(CLIENT)).toBeNull();
    expect(await readCachedArmToken(CLIENT, account, SCOPE, undefined, NOW)).toBeNull();
  });

  it('answers null without an active account or with storage that is not MSAL 5 JSON', async () => {
    expect(await readCachedAccount(CLIENT)).toBeNull();
    localStorage.setItem(`msal.${CLIENT}.active-account-filters`, '{"homeAccountId":');
    expect(await readCachedAccount(CLIENT)).toBeNull();
    localStorage.setItem(`msal.${CLIENT}.active-account-filters`, JSON.stringify({ homeAccountId: HOME_ACCOUNT }));
    localStorage.setItem('msal.3.account.keys', '{}');
    expect(await readCachedAccount(CLIENT)).toBeNull();
  });
});
