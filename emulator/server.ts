/**
 * The emulator: one Hono app over HTTPS on loopback with the local CA's server certificate. It mounts the Entra
 * ID look-alike, the platform control API and the ARM half (emulator/arm) with its control API under /_emulator.
 */
import { resolve } from 'node:path';
import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { ArmEmulator, FleetOptions } from './contract';
import { createEntra } from './entra';
import { createControlRoutes } from './identity/control-routes';
import { createVerifyBearer, loadOrCreateSigningKey, TokenSigner } from './identity';
import { createArm } from './arm/index';
import { armError, createErrorHandler, notFound } from './platform/http-errors';
import { listenLoopback } from './platform/listen';
import { loopbackOnly } from './platform/loopback';
import { DEFAULT_DATA_DIR, ensureTlsMaterial } from './tls';

export interface EmulatorOptions {
  /** 0 picks a free port. Default 8443. */
  port?: number;
  /** Default 127.0.0.1 (plus ::1 when available). */
  host?: string;
  /** TLS material and the signing key live here. Default `.emulator/` at the repo root. */
  dataDir?: string;
  stateFile?: string;
  fleet?: FleetOptions;
  latencyMs?: number;
  msPerBatch?: number;
  readBudgetPerMinute?: number;
  /** No request log and no notes. */
  quiet?: boolean;
  /** Where log lines go (default stderr). */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** `https://localhost:<port>` */
  baseUrl: string;
  port: number;
  caPem: string;
  /** Absolute path of the CA certificate (PEM). */
  caFile: string;
  /** Whether the ARM half is mounted. */
  arm: boolean;
  close(): Promise<void>;
}

function loopbackOrigins(port: number): string[] {
  return [`https://localhost:${port}`, `https://127.0.0.1:${port}`, `https://[::1]:${port}`];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const write = options.log ?? ((line: string) => process.stderr.write(`[emulator] ${line}\n`));
  const log = options.quiet ? () => {} : write;
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const host = options.host ?? '127.0.0.1';
  const tls = await ensureTlsMaterial(dataDir);
  if (tls.generated.ca) log(`generated a local CA: ${tls.caFile}`);
  const key = await loadOrCreateSigningKey(dataDir);
  const signer = new TokenSigner(key);

  // The port is known only after listening (port 0), so the app is built lazily on the first request.
  const built: { handler?: Hono<{ Bindings: HttpBindings }> } = {};
  const fetch = (request: Request, env: HttpBindings) =>
    built.handler
      ? built.handler.fetch(request, env)
      : Response.json(armError('ServiceUnavailable', 'The emulator is starting.'), {
          status: 503,
          headers: { 'retry-after': '1' },
        });
  const listening = await listenLoopback(
    fetch,
    { key: tls.keyPem, cert: tls.certPem },
    options.port ?? 8443,
    host,
    write,
  );
  const port = listening.port;
  const baseUrl = `https://localhost:${port}`;
  const origins = loopbackOrigins(port);
  const verifyBearer = createVerifyBearer({ key, origins });

  let arm: ArmEmulator | undefined;
  try {
    arm = await createArm({
      publicBaseUrl: baseUrl,
      dataDir,
      verifyBearer,
      stateFile: options.stateFile ? resolve(options.stateFile) : undefined,
      fleet: options.fleet,
      latencyMs: options.latencyMs,
      msPerBatch: options.msPerBatch,
      readBudgetPerMinute: options.readBudgetPerMinute,
    });
  } catch (error) {
    await listening.close();
    throw error;
  }

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.onError(createErrorHandler(write));
  app.notFound(notFound);
  if (!options.quiet) {
    app.use(async (c, next) => {
      const started = Date.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${Date.now() - started}ms`);
    });
  }
  app.use('/_emulator/*', loopbackOnly);
  const entra = createEntra({ signer, key, baseUrl, origins, log });
  app.route('/_emulator', createControlRoutes({ signer, origin: baseUrl }));
  app.route('/_emulator', entra.control);
  if (arm) app.route('/_emulator', arm.control);
  app.route('/', entra.routes);
  if (arm) app.route('/', arm.routes);
  app.get('/', (c) =>
    c.json({
      name: 'aks-ca-trust local Azure emulator',
      arm: baseUrl,
      authority: `${baseUrl}/organizations`,
      control: `${baseUrl}/_emulator`,
    }),
  );
  built.handler = app;

  let closed = false;
  return {
    baseUrl,
    port,
    caPem: tls.caPem,
    caFile: tls.caFile,
    arm: Boolean(arm),
    close: async () => {
      if (closed) return;
      closed = true;
      await listening.close();
      await arm?.close();
    },
  };
}
