import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures';
import { base64Lines } from './helpers';

/*
 * The same lib/pki in Chromium: bundle it with esbuild (tsx's bundler, already installed), serve it on
 * loopback, run readBundle in headless Chromium and read the result from the page. Skipped, with a
 * message, where Chromium is not installed.
 */

const CHROMIUM = '/usr/bin/chromium';
const ENTRY = fileURLToPath(new URL('../index.ts', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED: ${CHROMIUM} is missing; install Debian's chromium to run lib/pki in a browser.`);

let server: Server | undefined;
let files: Record<string, string> = {};

function dumpDom(url: string): Promise<string> {
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--virtual-time-budget=15000',
    '--dump-dom',
    url,
  ];
  return new Promise((resolve, reject) =>
    execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 1 << 24 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
}

describe.skipIf(!available)('lib/pki in Chromium', () => {
  let key = '';
  let pems: Record<string, string> = {};

  beforeAll(async () => {
    const esbuild = await import('esbuild');
    const bundle = await esbuild.build({
      entryPoints: { pki: ENTRY },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      splitting: true,
      write: false,
      outdir: '/out',
    });
    files = Object.fromEntries(bundle.outputFiles.map((file) => [file.path.replace('/out', ''), file.text]));
    const fx = await loadFixtures();
    pems = Object.fromEntries(
      ['rsa-root', 'ec-root', 'ed25519-root', 'pss-root', 'tampered-root'].map((name) => [
        name,
        fx.text(`${name}.pem`),
      ]),
    );
    key = fx.text('ec-pkcs8.key');
    files['/index.html'] = `<!doctype html><pre id="out">pending</pre><script type="module">
      import { readBundle } from './pki.js';
      const out = document.getElementById('out');
      try {
        const content = ${JSON.stringify(Object.values(pems).join('') + key)}.split('\\n').join('\\r\\n');
        const result = await readBundle([{ name: 'paste', content }], { now: new Date() });
        out.textContent = JSON.stringify(result);
      } catch (error) { out.textContent = 'THROWN ' + error; }
    </script>`;
    server = createServer((request, response) => {
      const body = files[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200, {
        'content-type': request.url?.endsWith('.html') ? 'text/html' : 'text/javascript',
      });
      response.end(body ?? '');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  }, 60_000);

  afterAll(() => server?.close());

  it('decodes, verifies self-signatures (RSA, EC, Ed25519, PSS), lints and refuses a key, like Node', async () => {
    const { port } = server!.address() as AddressInfo;
    const dom = await dumpDom(`http://127.0.0.1:${port}/index.html`);
    const text =
      /<pre id="out">([\s\S]*?)<\/pre>/
        .exec(dom)?.[1]
        ?.replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>') ?? '';
    expect(text.startsWith('{'), text.slice(0, 200)).toBe(true);
    const result = JSON.parse(text);
    expect(
      result.certificates.map((c: { displayName: string; selfSignatureValid: boolean }) => [
        c.displayName,
        c.selfSignatureValid,
      ]),
    ).toEqual([
      ['Contoso RSA Root', true],
      ['Contoso EC Root', true],
      ['Contoso Ed25519 Root', true],
      ['Contoso PSS Root', true],
      ['Contoso RSA Root', false],
    ]);
    expect(result.findings.map((f: { id: string }) => f.id)).toEqual([
      'crlf-normalized',
      'private-key',
      'self-signature-invalid',
    ]);
    for (const line of base64Lines(key)) expect(text).not.toContain(line);
  }, 90_000);
});
