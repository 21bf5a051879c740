/**
 * The request-dependent security headers (CSP with a per-request nonce, HSTS). Pure: proxy.ts feeds it the
 * request's facts and the runtime config, so one build serves any authority. The headers that never vary
 * (nosniff, referrer, permissions) are in static-headers.mjs, set on every path by next.config.mjs.
 */
import type { AppConfig } from '../config';

export interface CspSources {
  /** Origins the browser talks to besides this one: the sign-in authority and any known authorities. */
  authorityOrigins: string[];
}

/** Origins MSAL reaches from the browser: the authority (discovery, token, silent-renewal iframe) and known authorities. */
export function authorityOrigins(config: Pick<AppConfig, 'authority' | 'knownAuthorities'>): string[] {
  const origins = new Set<string>([new URL(config.authority).origin]);
  for (const host of config.knownAuthorities) origins.add(new URL(`https://${host}`).origin);
  return [...origins];
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a document.
 * - scripts: only those carrying this response's nonce (Next adds it to its own) and what they load
 *   ('strict-dynamic'); no 'unsafe-inline', no 'unsafe-eval' (only `next dev` needs eval, for React's error stacks).
 * - styles: 'unsafe-inline' for styles only. React writes `style` attributes (the rollout progress bars) and sonner
 *   injects its stylesheet at run time without a nonce; a nonce cannot allow style attributes. Style injection cannot
 *   run script, and the stylesheet itself comes from 'self'.
 * - connect-src / frame-src: this origin plus the authority (MSAL's discovery and token requests, its hidden iframe).
 * - frame-ancestors 'self': only our own pages may frame us (MSAL's silent renewal loads /auth/redirect in an iframe).
 */
export function contentSecurityPolicy(nonce: string, sources: CspSources, dev = false): string {
  const authorities = sources.authorityOrigins.join(' ');
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${authorities}`,
    `frame-src 'self' ${authorities}`,
    "frame-ancestors 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in and sign-out are redirects (navigations), not form posts; no form posts anywhere else.
    "form-action 'self'",
  ];
  return directives.join('; ');
}

/** For responses that are not documents of ours (static chunks): nothing may run or frame from them. */
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const HSTS_VALUE = 'max-age=63072000';

/**
 * Whether this request reached us over https: only a proxy the operator declared trusted (TRUST_FORWARDED_PROTO)
 * can say so, through the first value of x-forwarded-proto. Next's standalone server itself speaks plain http, and
 * it fills x-forwarded-proto from its own socket when the header is absent.
 */
export function servedOverHttps(forwardedProto: string | null, trustForwardedProto: boolean): boolean {
  if (!trustForwardedProto || !forwardedProto) return false;
  return forwardedProto.split(',')[0]!.trim().toLowerCase() === 'https';
}
