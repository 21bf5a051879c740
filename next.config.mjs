import { STATIC_SECURITY_HEADERS } from './lib/security/static-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // The emulator and the CLI are separate programs; keep Next from tracing them.
  outputFileTracingExcludes: { '*': ['emulator/**', 'bench/**', 'e2e/**'] },
  experimental: {
    // Next's default, stated: the largest legitimate action body (apply: 10 certificates and the reviewed cluster)
    // is far below it. A bigger body is refused with 413, which the client maps to `RequestTooLarge`.
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    return [
      // Every path: pages, route handlers, /auth/redirect, static files. The CSP of documents comes from proxy.ts.
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      // Static chunks and media never run as documents of ours: nothing may run in them or frame them.
      {
        source: '/_next/static/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
