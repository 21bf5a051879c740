/**
 * The browser session: a cookie (`Secure; SameSite=None; HttpOnly`, so a silent iframe on another loopback
 * origin sends it) naming the personas signed in, as Entra's ESTSAUTH cookies do.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Persona } from '../directory';
import type { BrowserSession, EntraState } from './requests';

export const SESSION_COOKIE = 'emulator_estsauth';

function sessionId(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

export function readSession(c: Context, state: EntraState): BrowserSession | undefined {
  return state.sessions.get(sessionId(c));
}

/** Puts the persona first in the browser's session, creating the session and cookie when needed. */
export function signIn(c: Context, state: EntraState, persona: Persona): void {
  const id = sessionId(c);
  const existing = state.sessions.get(id);
  const personaIds = [persona.id, ...(existing?.personaIds ?? []).filter((p) => p !== persona.id)];
  if (existing && id) {
    existing.personaIds = personaIds;
    return;
  }
  const newId = state.sessions.add({ personaIds });
  setCookie(c, SESSION_COOKIE, newId, { path: '/', secure: true, httpOnly: true, sameSite: 'None' });
}

export function signOut(c: Context, state: EntraState): void {
  state.sessions.delete(sessionId(c));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'None' });
}
