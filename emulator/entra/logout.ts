/**
 * GET/POST /{tenant}/oauth2/v2.0/logout: ends the browser session (clears the cookie) and sends the browser to
 * post_logout_redirect_uri when it is a loopback URI; otherwise shows a page (never an open redirect).
 */
import type { Context, Hono } from 'hono';
import { badRedirectUriMessage, isKnownClient, parseLoopbackRedirectUri, unknownClientMessage } from './clients';
import { errorPage, signedOutPage } from './pages';
import type { EntraState } from './requests';
import { logoutQuerySchema } from './schemas';
import { signOut } from './session';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

async function logout(c: Context, state: EntraState): Promise<Response> {
  const fromBody = c.req.method === 'POST' ? await c.req.parseBody().catch(() => ({})) : {};
  const parsed = logoutQuerySchema.safeParse({ ...c.req.query(), ...fromBody });
  c.header('cache-control', 'no-store');
  c.header('content-security-policy', PAGE_CSP);
  if (!parsed.success)
    return c.html(errorPage('Sign-out request not valid', 'The sign-out request has invalid parameters.'), 400);
  const { post_logout_redirect_uri: target, client_id: clientId, state: appState } = parsed.data;
  if (clientId !== undefined && !isKnownClient(clientId)) {
    return c.html(errorPage('Unknown application', unknownClientMessage(clientId)), 400);
  }
  const redirect = target === undefined ? undefined : parseLoopbackRedirectUri(target);
  if (target !== undefined && !redirect) {
    signOut(c, state);
    return c.html(errorPage('Redirect URI not allowed', badRedirectUriMessage(target)), 400);
  }
  signOut(c, state);
  if (!redirect) return c.html(signedOutPage());
  if (appState) redirect.searchParams.set('state', appState);
  return c.redirect(redirect.toString(), 302);
}

export function mountLogout(app: Hono, state: EntraState): void {
  app.get('/:tenant/oauth2/v2.0/logout', (c) => logout(c, state));
  app.post('/:tenant/oauth2/v2.0/logout', (c) => logout(c, state));
}
