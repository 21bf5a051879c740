/**
 * Serves a fetch handler over HTTPS on loopback. With the default host it listens on 127.0.0.1 and, when the
 * machine has IPv6 loopback, on ::1 at the same port, so `localhost` works whichever address it resolves to.
 */
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';

type Fetch = (request: Request, env: HttpBindings) => Response | Promise<Response>;

export interface Listening {
  port: number;
  addresses: string[];
  close(): Promise<void>;
}

type HttpsServer = ReturnType<typeof createHttpsServer>;

function listenOne(fetch: Fetch, tls: { key: string; cert: string }, port: number, host: string): Promise<HttpsServer> {
  const server = createAdaptorServer({
    fetch: fetch as never,
    createServer: createHttpsServer,
    serverOptions: { key: tls.key, cert: tls.cert },
    overrideGlobalObjects: false,
  }) as HttpsServer;
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server);
    });
  });
}

function closeServer(server: HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function listenLoopback(
  fetch: Fetch,
  tls: { key: string; cert: string },
  port: number,
  host: string,
  log: (line: string) => void,
): Promise<Listening> {
  let primary: HttpsServer;
  try {
    primary = await listenOne(fetch, tls, port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `port ${port} on ${host} is already in use (is another emulator running? choose another with --port)`,
      );
    throw new Error(`cannot listen on ${host}:${port}: ${code ?? (error as Error).message}`);
  }
  const servers = [primary];
  const actualPort = (primary.address() as AddressInfo).port;
  if (host === '127.0.0.1') {
    try {
      servers.push(await listenOne(fetch, tls, actualPort, '::1'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      log(`note: not listening on [::1]:${actualPort} (${code ?? 'unavailable'}); localhost must resolve to 127.0.0.1`);
    }
  }
  return {
    port: actualPort,
    addresses: servers.map((s) => (s.address() as AddressInfo).address),
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
