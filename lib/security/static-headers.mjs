// The security headers that do not depend on the request. next.config.mjs sets them on every path (pages, route
// handlers, static files); lib/security/headers.test.ts checks them. Plain .mjs so next.config.mjs can import it.

/** @type {{ key: string, value: string }[]} */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // No URL of ours (cluster ids, rollout handles) is ever sent to another origin.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  // Older browsers that ignore CSP frame-ancestors: same origin only (MSAL's silent-renewal iframe is same-origin).
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  {
    key: 'Permissions-Policy',
    value: [
      'accelerometer=()',
      'autoplay=()',
      'camera=()',
      'display-capture=()',
      'encrypted-media=()',
      'fullscreen=()',
      'geolocation=()',
      'gyroscope=()',
      'hid=()',
      'magnetometer=()',
      'microphone=()',
      'midi=()',
      'payment=()',
      'picture-in-picture=()',
      'publickey-credentials-get=()',
      'screen-wake-lock=()',
      'serial=()',
      'usb=()',
      'xr-spatial-tracking=()',
    ].join(', '),
  },
];
