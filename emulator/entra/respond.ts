/** Sending an authorize response (success or OAuth error) back to a validated redirect URI. */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { formPostPage } from './pages';
import type { ResponseMode } from './requests';

export function redirectWith(
  c: Context,
  redirectUri: string,
  mode: ResponseMode,
  params: Record<string, string | undefined>,
): Response {
  const fields = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  c.header('cache-control', 'no-store');
  if (mode === 'form_post') {
    const nonce = randomBytes(16).toString('base64');
    c.header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'`);
    return c.html(formPostPage(redirectUri, fields, nonce));
  }
  const url = new URL(redirectUri);
  if (mode === 'fragment') {
    url.hash = new URLSearchParams(fields).toString();
  } else {
    for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, v);
  }
  return c.redirect(url.toString(), 302);
}

export function redirectError(
  c: Context,
  target: { redirectUri: string; responseMode: ResponseMode; state?: string },
  error: string,
  description: string,
  extra: Record<string, string> = {},
): Response {
  return redirectWith(c, target.redirectUri, target.responseMode, {
    error,
    error_description: description,
    ...extra,
    state: target.state,
  });
}
