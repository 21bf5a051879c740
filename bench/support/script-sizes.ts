/** Script responses of a page, their gzip size (computed here) and the libraries they carry. */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { trackNetwork } from './browser-app';

/** Strings that survive minification, to say which library a chunk carries. */
const SIGNATURES: Record<string, RegExp> = {
  // Method names survive minification; the redirect bridge has none of these.
  'msal-browser': /acquireTokenSilent|handleRedirectPromise/,
  'msal-react': /useMsal\b|MsalProvider|msal-react/,
  'msal-redirect-bridge': /broadcastResponseToMainFrame|msal\.broadcast|no_server_response/,
  zod: /ZodError|\$ZodType/,
  pkijs: /RelativeDistinguishedNames|AlgorithmIdentifier/,
  asn1js: /ObjectIdentifierValueBlock|LocalBaseBlock/,
  'react-dropzone': /getFilesFromEvent|useDropzone|file-invalid-type/,
  'radix-dialog': /DialogContent|RemoveScroll/,
};

export interface ScriptResponse {
  url: string;
  bytes: number;
  gzipBytes: number;
  libraries: string[];
}

export function summarise(scripts: ScriptResponse[]) {
  const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
  const libraries = [...new Set(scripts.flatMap((s) => s.libraries))].sort();
  return { gzip_kb: round(gzip / 1024), raw_kb: round(raw / 1024), scripts: scripts.length, libraries };
}

export const round = (n: number) => Math.round(n * 10) / 10;

/** Every script the page fetches from now on, de-duplicated by URL, bodies gzipped here. */
export function collectScripts(page: Page) {
  const seen = new Map<string, Promise<ScriptResponse | null>>();
  page.on('response', (response) => {
    const url = response.url();
    const isScript = response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(new URL(url).pathname);
    if (!isScript || seen.has(url)) return;
    seen.set(
      url,
      response.body().then(
        (body) => {
          const text = body.toString('utf8');
          return {
            url,
            bytes: body.length,
            gzipBytes: gzipSync(body).length,
            libraries: Object.entries(SIGNATURES)
              .filter(([, pattern]) => pattern.test(text))
              .map(([name]) => name),
          };
        },
        () => null, // a redirect or an aborted request has no body
      ),
    );
  });
  return async () => (await Promise.all(seen.values())).filter((s): s is ScriptResponse => s !== null);
}

/** Opens `url` in a new page of `context` with the browser cache off, and returns every script it downloaded. */
export async function measurePage(
  context: BrowserContext,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<ScriptResponse[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = collectScripts(page);
  const network = trackNetwork(page);
  await page.goto(url);
  await ready(page);
  await network.quiet();
  network.stop();
  const result = await scripts();
  await page.close();
  return result;
}
