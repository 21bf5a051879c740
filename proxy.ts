import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import {
  authorityOrigins,
  contentSecurityPolicy,
  createNonce,
  HSTS_VALUE,
  servedOverHttps,
} from '@/lib/security/headers';
import {
  ACTION_BODY_LIMIT_BYTES,
  BAD_ACTION_REQUEST_MESSAGE,
  isDecodablePath,
  isOversizeAction,
  isReadableActionBody,
  REQUEST_TOO_LARGE_MESSAGE,
} from '@/lib/security/request-guards';

/** Where a path that does not decode is sent: no route matches it, so the app's not-found page answers, with 404. */
export const UNDECODABLE_PATH_REWRITE = '/_not-a-valid-address';

/**
 * Per request: a fresh nonce and the Content-Security-Policy naming it (Next reads the request's CSP header and puts
 * the nonce on its own scripts), and HSTS when a trusted proxy says the request came over https. The headers that
 * never vary are set by next.config.mjs on every path, static files included.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const nonce = createNonce();
  const csp = contentSecurityPolicy(
    nonce,
    { authorityOrigins: authorityOrigins(config) },
    process.env.NODE_ENV === 'development',
  );
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = await answer(request, requestHeaders);
  response.headers.set('content-security-policy', csp);
  if (servedOverHttps(request.headers.get('x-forwarded-proto'), config.trustForwardedProto)) {
    response.headers.set('strict-transport-security', HSTS_VALUE);
  }
  return response;
}

// text/plain exactly: Next's client then throws an Error carrying this text (components/clusters/client-error.ts).
const plain = (text: string, status: number) =>
  new NextResponse(text, { status, headers: { 'content-type': 'text/plain' } });

async function answer(request: NextRequest, requestHeaders: Headers): Promise<NextResponse> {
  if (isOversizeAction(request.method, request.headers)) return plain(REQUEST_TOO_LARGE_MESSAGE, 413);
  if (request.method === 'POST' && request.headers.has('next-action')) {
    // Next hands the proxy a copy of the body and the route the original.
    const body = await request.arrayBuffer();
    if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return plain(REQUEST_TOO_LARGE_MESSAGE, 413);
    if (!(await isReadableActionBody(request.headers.get('content-type') ?? '', body)))
      return plain(BAD_ACTION_REQUEST_MESSAGE, 400);
  }
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return NextResponse.rewrite(new URL(UNDECODABLE_PATH_REWRITE, request.url), {
      request: { headers: requestHeaders },
    });
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Static chunks get their headers from next.config.mjs (no document, no nonce needed).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
