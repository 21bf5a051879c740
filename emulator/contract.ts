/**
 * The seam between the emulator's platform (TLS, server, Entra ID look-alike, token signing; emulator/server.ts,
 * emulator/entra/, emulator/identity/) and its ARM behaviour (emulator/arm/). The platform verifies tokens and
 * mounts the routes; the ARM side never signs or parses JWTs itself.
 */
import type { Hono } from 'hono';

/** The caller of an ARM request, taken from a verified access token. */
export interface Principal {
  objectId: string; // token `oid`
  tenantId: string; // token `tid`
  name: string;
  username: string; // `preferred_username`
  clientId: string; // `azp` (the app the token was issued to)
}

export type BearerCheck =
  | { ok: true; principal: Principal }
  | {
      ok: false;
      code: 'AuthenticationFailed' | 'InvalidAuthenticationToken' | 'ExpiredAuthenticationToken';
      message: string;
    };

/** Checks an `Authorization` header value: signature, issuer, audience, expiry. Never throws. */
export type VerifyBearer = (authorizationHeader: string | undefined) => Promise<BearerCheck>;

export interface FleetOptions {
  subscriptions: number;
  clustersPerSubscription: number;
}

export interface ArmOptions {
  /** Absolute https origin the emulator is reached at, e.g. https://localhost:8443 (for nextLink, Azure-AsyncOperation). */
  publicBaseUrl: string;
  verifyBearer: VerifyBearer;
  /** Where the emulator keeps its TLS material; the ARM half keeps its operation-signing certificate there too. In memory when absent. */
  dataDir?: string;
  /** Persist state to this JSON file across restarts; in memory when absent. */
  stateFile?: string;
  /** Replace the seed with a generated fleet (benchmarks). */
  fleet?: FleetOptions;
  /** Latency added to every ARM request, in milliseconds. */
  latencyMs?: number;
  /** Rollout speed: milliseconds per batch of node replacements. */
  msPerBatch?: number;
  /** ARM's read token bucket per subscription (or tenant) and principal; default 250 tokens refilled at 25/s. */
  readBucket?: { size: number; refillPerSecond: number };
}

export interface ArmEmulator {
  /** ARM routes: /subscriptions..., /tenants. */
  routes: Hono;
  /** Control API routes, mounted by the platform under /_emulator. */
  control: Hono;
  /** Stop timers and flush state. */
  close(): Promise<void>;
}
