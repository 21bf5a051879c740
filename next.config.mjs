/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // The emulator and the CLI are separate programs; keep Next from tracing them.
  outputFileTracingExcludes: { '*': ['emulator/**', 'bench/**', 'e2e/**'] },
};

export default nextConfig;
