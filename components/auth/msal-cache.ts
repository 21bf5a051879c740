/**
 * Reads the signed-in account and a cached ARM access token straight from MSAL's localStorage cache, without
 * loading MSAL (≈ 80 KB gzip): a signed-in page whose token is still fresh needs nothing else. MSAL stays the only
 * writer: this module never writes, deletes or renews; when anything is missing, stale, ambiguous or shaped in a way
 * it does not know, it answers `null` and the caller loads MSAL, which decides as it always did.
 *
 * The format is @azure/msal-browser 5.x's (pinned in package.json; msal-cache.test.ts writes entries with MSAL's own
 * LocalStorage class and reads them back here, so an upgrade that changes it fails that test):
 * - the cookie `msal.cache.encryption` holds `{ id, key }`, a base64url AES key for this browser session;
 * - entries are `{ id, nonce, data }`: AES-GCM (zero IV) under a key derived with HKDF-SHA-256 (salt = nonce,
 *   info = the client id when the storage key names it, else empty);
 * - `msal.3.account.keys` and `msal.3.token.keys.<clientId>` list the entries; `msal.<clientId>.active-account-filters`
 *   (not encrypted) names the active account.
 * An access token counts only as MSAL's acquireTokenSilent would return it from cache: one bearer token for this
 * client, account, environment and tenant whose scopes hold the ARM scope, more than 300 s (MSAL's renewal offset)
 * from expiry and not past its refreshOn.
 */

export interface CachedAccount {
  homeAccountId: string;
  localAccountId: string;
  environment: string;
  /** The home tenant (the account's realm). */
  tenantId: string;
  name: string;
  username: string;
}

const ENCRYPTION_COOKIE = 'msal.cache.encryption';
const ACCOUNT_KEYS = 'msal.3.account.keys';
const tokenKeysKey = (clientId: string) => `msal.3.token.keys.${clientId}`;
const activeAccountKey = (clientId: string) => `msal.${clientId}.active-account-filters`;
/** MSAL's default `tokenRenewalOffsetSeconds`. */
const RENEWAL_OFFSET_S = 300;

type Json = Record<string, unknown>;

function parseObject(text: string | null): Json | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const cookie = part.trim();
    const eq = cookie.indexOf('=');
    if (eq === -1 || cookie.slice(0, eq) !== encodeURIComponent(name)) continue;
    try {
      return decodeURIComponent(cookie.slice(eq + 1));
    } catch {
      return null;
    }
  }
  return null;
}

interface SessionKey {
  id: string;
  key: CryptoKey;
}

let sessionKey: { cookie: string; key: Promise<SessionKey | null> } | null = null;

/** The HKDF base key from MSAL's session cookie (imported once per cookie value). */
function encryptionKey(): Promise<SessionKey | null> {
  const cookie = readCookie(ENCRYPTION_COOKIE);
  if (!cookie) return Promise.resolve(null);
  if (sessionKey?.cookie !== cookie) {
    const parsed = parseObject(cookie);
    const id = str(parsed?.id);
    const raw = str(parsed?.key) && base64UrlBytes(str(parsed?.key)!);
    const key =
      id && raw
        ? crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']).then(
            (key) => ({ id, key }),
            () => null,
          )
        : Promise.resolve(null);
    sessionKey = { cookie, key };
  }
  return sessionKey.key;
}

/** Decrypted entries by storage key and ciphertext: a page asks for the same token on every ARM call. */
const decrypted = new Map<string, { cipher: string; value: Json | null }>();

async function readEntry(storageKey: string, clientId: string): Promise<Json | null> {
  const stored = localStorage.getItem(storageKey);
  if (stored === null) return null;
  const memo = decrypted.get(storageKey);
  if (memo?.cipher === stored) return memo.value;
  const value = await decryptEntry(stored, storageKey.includes(clientId) ? clientId : '');
  decrypted.set(storageKey, { cipher: stored, value });
  return value;
}

async function decryptEntry(stored: string, context: string): Promise<Json | null> {
  const envelope = parseObject(stored);
  const id = str(envelope?.id);
  const nonce = str(envelope?.nonce) && base64UrlBytes(str(envelope?.nonce)!);
  const data = str(envelope?.data) && base64UrlBytes(str(envelope?.data)!);
  const session = await encryptionKey();
  // Unencrypted entries, entries of an earlier browser session: MSAL's business (it removes them).
  if (!session || !id || id !== session.id || !nonce || !data) return null;
  try {
    const aes = await crypto.subtle.deriveKey(
      { name: 'HKDF', salt: nonce, hash: 'SHA-256', info: new TextEncoder().encode(context) },
      session.key,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes, data);
    return parseObject(new TextDecoder().decode(plain));
  } catch {
    return null;
  }
}

function keyList(text: string | null): string[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((key) => typeof key === 'string') ? value : null;
  } catch {
    return null;
  }
}

/** The active account MSAL would report (its filters, matched in the account cache), or null. */
export async function readCachedAccount(clientId: string): Promise<CachedAccount | null> {
  try {
    const filters = parseObject(localStorage.getItem(activeAccountKey(clientId)));
    const homeAccountId = str(filters?.homeAccountId);
    if (!homeAccountId) return null;
    for (const key of keyList(localStorage.getItem(ACCOUNT_KEYS)) ?? []) {
      const entity = await readEntry(key, clientId);
      if (!entity || entity.homeAccountId !== homeAccountId) continue;
      const environment = str(entity.environment);
      const tenantId = str(entity.realm);
      const localAccountId = str(entity.localAccountId);
      const username = str(entity.username);
      // The filters name the home tenant's profile; anything else is left to MSAL.
      if (!environment || !tenantId || !localAccountId || !username) return null;
      if (filters?.tenantId !== undefined && filters.tenantId !== tenantId) return null;
      return { homeAccountId, localAccountId, environment, tenantId, username, name: str(entity.name) ?? username };
    }
    return null;
  } catch {
    return null; // storage blocked, crypto missing: MSAL reports it
  }
}

/**
 * The cached ARM access token for `account` in `tenantId` (default: the home tenant), when acquireTokenSilent
 * would return it from cache without a network call; otherwise null.
 */
export async function readCachedArmToken(
  clientId: string,
  account: CachedAccount,
  scope: string,
  tenantId: string = account.tenantId,
  nowSeconds: number = Math.round(Date.now() / 1000),
): Promise<string | null> {
  try {
    const lists = parseObject(localStorage.getItem(tokenKeysKey(clientId)));
    const keys = Array.isArray(lists?.accessToken) ? (lists.accessToken as unknown[]) : [];
    const wanted = scope.toLowerCase();
    const realm = tenantId.toLowerCase();
    const matches: Json[] = [];
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      const entity = await readEntry(key, clientId);
      if (
        !entity ||
        entity.credentialType !== 'AccessToken' ||
        entity.homeAccountId !== account.homeAccountId ||
        entity.environment !== account.environment ||
        entity.clientId !== clientId ||
        str(entity.realm)?.toLowerCase() !== realm ||
        str(entity.tokenType)?.toLowerCase() !== 'bearer' ||
        !str(entity.target)?.toLowerCase().split(' ').includes(wanted)
      )
        continue;
      // Tokens bound to claims, keys or extra cache components are never this app's plain ARM token.
      if (entity.requestedClaimsHash || entity.keyId || entity.additionalCacheKeyComponents) return null;
      matches.push(entity);
    }
    if (matches.length !== 1) return null; // none, or several (MSAL removes those and asks again)
    const token = matches[0]!;
    const secret = str(token.secret);
    const expiresOn = Number(token.expiresOn);
    const cachedAt = Number(token.cachedAt);
    const refreshOn = token.refreshOn === undefined ? null : Number(token.refreshOn);
    if (!secret || !Number.isFinite(expiresOn) || expiresOn <= nowSeconds + RENEWAL_OFFSET_S) return null;
    if (!Number.isFinite(cachedAt) || cachedAt > nowSeconds) return null; // the clock was turned back
    if (refreshOn !== null && !(refreshOn > nowSeconds)) return null;
    return secret;
  } catch {
    return null;
  }
}
