/**
 * Whether this browser may hold an MSAL session, read from storage without loading MSAL (84 KB gzip): an account
 * in MSAL's localStorage cache (`msal.<schema>.account.keys` listing at least one account), or an interaction
 * under way (MSAL keeps redirect state in sessionStorage under `msal.` keys; the redirect bridge leaves the
 * response there). When in doubt it says yes: then MSAL loads and decides, as it always did.
 */
const ACCOUNT_KEYS = /^msal\.(?:[^.|]+\.)?account\.keys$/;

export function mayHaveMsalSession(): boolean {
  try {
    if (msalInteractionUnderWay()) return true;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !ACCOUNT_KEYS.test(key)) continue;
      const value = localStorage.getItem(key);
      if (value === null) continue;
      try {
        const accounts: unknown = JSON.parse(value);
        if (!Array.isArray(accounts) || accounts.length > 0) return true;
      } catch {
        return true;
      }
    }
    return false;
  } catch {
    return true; // storage blocked: let MSAL report it
  }
}

/**
 * MSAL state in this tab's sessionStorage (`msal.` keys): a redirect is under way or has just returned, so the
 * page needs MSAL itself (handleRedirectPromise), not only its cache. When storage is blocked, says yes.
 */
export function msalInteractionUnderWay(): boolean {
  try {
    for (let i = 0; i < sessionStorage.length; i++) if (sessionStorage.key(i)?.startsWith('msal.')) return true;
    return false;
  } catch {
    return true;
  }
}

/** True when a change in another tab may have signed this browser in or out (the `storage` event's key). */
export function isMsalStorageKey(key: string | null): boolean {
  return key === null || key.startsWith('msal.');
}
