/**
 * Keeps one caller's ARM reads inside ARM's token buckets (azure-facts §7/§13; Microsoft's "request limits and
 * throttling": reads are a bucket of 250 per subscription and principal refilled at 25 per second, 15 times that
 * for all principals of a subscription, the same per tenant for tenant-level reads). ARM reports what is left on
 * every response (`x-ms-ratelimit-remaining-subscription-reads`, `…-subscription-global-reads`,
 * `…-tenant-reads`); when that runs low the pacer delays further reads of the same scope until the bucket has
 * refilled, and after a 429 it holds every read of that scope until Retry-After has passed (the SDK's own retry
 * waits the same time). Pure timing logic plus one pipeline policy; no SDK client import.
 */
import 'server-only';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import { retryAfterSeconds } from './arm-errors';

/** Reads left in a scope's bucket below which we wait for the refill (leaves room for the user's other tools). */
export const LOW_WATER_READS = 20;
/** The slowest documented refill of the buckets behind these headers (250-token buckets refill at 25 per second). */
export const ASSUMED_REFILL_PER_SECOND = 25;

const REMAINING_HEADERS = [
  'x-ms-ratelimit-remaining-subscription-reads',
  'x-ms-ratelimit-remaining-subscription-global-reads',
  'x-ms-ratelimit-remaining-tenant-reads',
] as const;

interface ScopeState {
  /** Estimated reads left now (Infinity until ARM has told us). */
  tokens: number;
  at: number;
  inFlight: number;
  blockedUntil: number;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const systemClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PacerStats {
  /** Reads that waited before being sent, and the total wait. */
  delayedReads: number;
  delayedMs: number;
  throttledResponses: number;
}

/** The lowest remaining-reads value among the rate-limit headers of a response, or undefined when none is sent. */
export function remainingReads(headers: { get(name: string): string | undefined }): number | undefined {
  let lowest: number | undefined;
  for (const name of REMAINING_HEADERS) {
    const raw = headers.get(name);
    if (raw === undefined || !/^\d+$/.test(raw.trim())) continue;
    const value = Number(raw);
    lowest = lowest === undefined ? value : Math.min(lowest, value);
  }
  return lowest;
}

/** The budget a URL is counted against: its subscription, or the tenant for tenant-level paths. */
export function readScopeOf(url: string): string {
  const match = /^\/subscriptions\/([^/?#]+)/i.exec(new URL(url).pathname);
  return match ? `subscription:${match[1]!.toLowerCase()}` : 'tenant';
}

export class ReadPacer {
  private readonly scopes = new Map<string, ScopeState>();
  readonly stats: PacerStats = { delayedReads: 0, delayedMs: 0, throttledResponses: 0 };

  constructor(
    private readonly clock: PacerClock = systemClock,
    private readonly lowWater = LOW_WATER_READS,
    private readonly refillPerSecond = ASSUMED_REFILL_PER_SECOND,
  ) {}

  private state(scope: string): ScopeState {
    let state = this.scopes.get(scope);
    if (!state) {
      state = { tokens: Number.POSITIVE_INFINITY, at: this.clock.now(), inFlight: 0, blockedUntil: 0 };
      this.scopes.set(scope, state);
    }
    return state;
  }

  private refill(state: ScopeState, now: number): void {
    if (Number.isFinite(state.tokens)) state.tokens += ((now - state.at) * this.refillPerSecond) / 1000;
    state.at = now;
  }

  /** Waits until a read of this scope may go out without draining its bucket, then counts it. */
  async beforeRead(scope: string): Promise<void> {
    const state = this.state(scope);
    let waited = 0;
    for (;;) {
      const now = this.clock.now();
      this.refill(state, now);
      const wait = Math.max(
        state.blockedUntil - now,
        state.tokens > this.lowWater ? 0 : ((this.lowWater + 1 - state.tokens) * 1000) / this.refillPerSecond,
      );
      if (wait <= 0) break;
      const ms = Math.ceil(wait);
      waited += ms;
      await this.clock.sleep(ms);
    }
    if (waited > 0) {
      this.stats.delayedReads++;
      this.stats.delayedMs += waited;
    }
    state.tokens -= 1;
    state.inFlight++;
  }

  /** Takes ARM's word for what is left (minus reads still in flight) and a 429's Retry-After. */
  afterRead(scope: string, status: number, headers: { get(name: string): string | undefined }): void {
    const state = this.state(scope);
    state.inFlight = Math.max(0, state.inFlight - 1);
    const now = this.clock.now();
    this.refill(state, now);
    const remaining = remainingReads(headers);
    if (remaining !== undefined) state.tokens = remaining - state.inFlight;
    if (status === 429) {
      this.stats.throttledResponses++;
      state.tokens = Math.min(state.tokens, 0);
      const seconds = retryAfterSeconds(headers, now) ?? 1;
      state.blockedUntil = Math.max(state.blockedUntil, now + seconds * 1000);
    }
  }

  /** Counts a read that failed without a response. */
  readFailed(scope: string): void {
    const state = this.state(scope);
    state.inFlight = Math.max(0, state.inFlight - 1);
  }
}

/**
 * The pipeline policy (position `perRetry`, so every attempt the SDK's retry policy makes is paced and seen).
 * Writes pass untouched: they have their own buckets and this dashboard makes few.
 */
export function readPacingPolicy(pacer: ReadPacer): PipelinePolicy {
  return {
    name: 'armReadPacing',
    async sendRequest(request, next): Promise<PipelineResponse> {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next(request);
      const scope = readScopeOf(request.url);
      await pacer.beforeRead(scope);
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        const failed = (error as { response?: PipelineResponse }).response;
        if (failed) pacer.afterRead(scope, failed.status, failed.headers);
        else pacer.readFailed(scope);
        throw error;
      }
      pacer.afterRead(scope, response.status, response.headers);
      return response;
    },
  };
}
