/** Node's own verdict (OpenSSL's chain check + tls.checkServerIdentity) for a chain served by a local TLS server. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';

export interface NodeVerdict {
  authorized: boolean;
  /** authorizationError (an OpenSSL code such as CERT_HAS_EXPIRED, or ERR_TLS_CERT_ALTNAME_INVALID). */
  error: string | null;
  /** OpenSSL's verification error text, when the chain check (not the host name check) failed. */
  reason: string | null;
}

export interface ServedChain {
  /** PEM blocks the server sends, its own certificate first. */
  chain: string[];
  keyPem: string;
}

/** Starts a TLS server on 127.0.0.1 (port 0) serving `served`; close() stops it. */
export async function serve(served: ServedChain): Promise<{ port: number; close: () => Promise<void> }> {
  const server = tls.createServer(
    // Security level 0 on the serving side only, so a weak chain can be served and the client decides.
    { key: served.keyPem, cert: served.chain.join(''), ciphers: 'DEFAULT:@SECLEVEL=0' },
    (socket) => socket.end(),
  );
  server.on('tlsClientError', () => {});
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function nodeVerdict(
  served: ServedChain,
  anchors: string[],
  options: { servername?: string } = {},
): Promise<NodeVerdict> {
  const server = await serve(served);
  try {
    return await new Promise<NodeVerdict>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: server.port,
        ca: anchors,
        servername: options.servername,
        rejectUnauthorized: false,
      });
      socket.once('secureConnect', () => {
        const error = socket.authorizationError;
        // Node names only the OpenSSL codes it knows (others are UNSPECIFIED); OpenSSL's reason text says more.
        const handle = (socket as unknown as { ssl?: { verifyError(): Error | null } }).ssl;
        const reason = handle?.verifyError()?.message ?? null;
        resolve({
          authorized: socket.authorized,
          error: error ? String((error as unknown as { code?: string }).code ?? error) : null,
          reason,
        });
        socket.destroy();
      });
      socket.once('error', (error: NodeJS.ErrnoException) =>
        resolve({ authorized: false, error: error.code ?? error.message, reason: error.message }),
      );
    });
  } finally {
    await server.close();
  }
}
