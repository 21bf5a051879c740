/**
 * ARM's request budgets as token buckets (Microsoft's "Understand how Azure Resource Manager throttles requests",
 * regional throttling and token bucket algorithm): per subscription, per principal and per operation type
 * (reads 250 tokens refilled at 25 per second; writes and deletes 200 at 10 per second), plus a global bucket per
 * subscription for all principals together at 15 times the principal's; tenant-level requests (no subscription
 * in the path) per tenant and principal with the same sizes. Remaining tokens are reported on every response
 * with the recorded header names (`x-ms-ratelimit-remaining-subscription-reads` 249 /
 * `…-subscription-global-reads` 3749 in recordings). Refill here is continuous (ARM adds tokens each second).
 */

export interface BucketSpec {
  size: number;
  refillPerSecond: number;
}

export type OperationKind = 'read' | 'write' | 'delete';

/** Documented defaults. */
export const DEFAULT_BUCKETS: Record<'read' | 'write', BucketSpec> = {
  read: { size: 250, refillPerSecond: 25 },
  write: { size: 200, refillPerSecond: 10 },
};
/** The subscription's global limit is 15 times the per-principal one (docs). */
export const GLOBAL_FACTOR = 15;

export interface BucketResult {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until one token is available (when not allowed). */
  retryAfterSeconds: number;
}

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private spec: BucketSpec,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.spec.size;
  }

  get refillPerSecond(): number {
    return this.spec.refillPerSecond;
  }

  setSpec(spec: BucketSpec): void {
    this.spec = spec;
    this.buckets.clear();
  }

  private current(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.spec.size, at: now };
    bucket.tokens = Math.min(this.spec.size, bucket.tokens + ((now - bucket.at) * this.spec.refillPerSecond) / 1000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** What taking one token would give, without taking it. */
  peek(key: string): BucketResult {
    const bucket = this.current(key);
    if (bucket.tokens >= 1) return { allowed: true, remaining: Math.floor(bucket.tokens - 1), retryAfterSeconds: 0 };
    const waitMs = ((1 - bucket.tokens) * 1000) / this.spec.refillPerSecond;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  take(key: string): BucketResult {
    const result = this.peek(key);
    if (result.allowed) this.current(key).tokens -= 1;
    return result;
  }

  reset(): void {
    this.buckets.clear();
  }
}

export interface BudgetVerdict {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds: number;
  /** Which limit refused the request. */
  limit?: 'principal' | 'global';
}

const HEADER_KIND: Record<OperationKind, string> = { read: 'reads', write: 'writes', delete: 'deletes' };

/** Every bucket of one emulator: per principal (subscription or tenant scope) and global per subscription. */
export class ArmBudgets {
  private readonly principal: Record<OperationKind, TokenBuckets>;
  private readonly global: Record<OperationKind, TokenBuckets>;

  constructor(
    private specs: Record<'read' | 'write', BucketSpec>,
    now: () => number,
  ) {
    const make = (spec: BucketSpec) => new TokenBuckets(spec, now);
    const globalOf = (spec: BucketSpec) => ({
      size: spec.size * GLOBAL_FACTOR,
      refillPerSecond: spec.refillPerSecond * GLOBAL_FACTOR,
    });
    this.principal = { read: make(specs.read), write: make(specs.write), delete: make(specs.write) };
    this.global = {
      read: make(globalOf(specs.read)),
      write: make(globalOf(specs.write)),
      delete: make(globalOf(specs.write)),
    };
  }

  get readBucket(): BucketSpec {
    return { ...this.specs.read };
  }

  get writeBucket(): BucketSpec {
    return { ...this.specs.write };
  }

  /** New sizes (and full buckets). Deletes follow writes (the documented numbers are the same). */
  configure(specs: Partial<Record<'read' | 'write', BucketSpec>>): void {
    this.specs = { ...this.specs, ...specs };
    const { read, write } = this.specs;
    const globalOf = (spec: BucketSpec) => ({
      size: spec.size * GLOBAL_FACTOR,
      refillPerSecond: spec.refillPerSecond * GLOBAL_FACTOR,
    });
    this.principal.read.setSpec(read);
    this.principal.write.setSpec(write);
    this.principal.delete.setSpec(write);
    this.global.read.setSpec(globalOf(read));
    this.global.write.setSpec(globalOf(write));
    this.global.delete.setSpec(globalOf(write));
  }

  reset(): void {
    for (const buckets of [...Object.values(this.principal), ...Object.values(this.global)]) buckets.reset();
  }

  /** Takes one token from every bucket the request counts against, or none when one of them is empty. */
  take(kind: OperationKind, scope: { subscriptionId?: string; tenantId: string }, objectId: string): BudgetVerdict {
    const name = HEADER_KIND[kind];
    if (!scope.subscriptionId) {
      const result = this.principal[kind].take(`tenant:${scope.tenantId.toLowerCase()}|${objectId}`);
      return {
        allowed: result.allowed,
        headers: { [`x-ms-ratelimit-remaining-tenant-${name}`]: String(result.remaining) },
        retryAfterSeconds: result.retryAfterSeconds,
        ...(result.allowed ? {} : { limit: 'principal' as const }),
      };
    }
    const subscription = scope.subscriptionId.toLowerCase();
    const principalKey = `subscription:${subscription}|${objectId}`;
    const mine = this.principal[kind].peek(principalKey);
    const all = this.global[kind].peek(subscription);
    const allowed = mine.allowed && all.allowed;
    if (allowed) {
      this.principal[kind].take(principalKey);
      this.global[kind].take(subscription);
    }
    return {
      allowed,
      headers: {
        [`x-ms-ratelimit-remaining-subscription-${name}`]: String(mine.remaining),
        [`x-ms-ratelimit-remaining-subscription-global-${name}`]: String(all.remaining),
      },
      retryAfterSeconds: Math.max(mine.retryAfterSeconds, all.retryAfterSeconds),
      ...(allowed ? {} : { limit: mine.allowed ? ('global' as const) : ('principal' as const) }),
    };
  }
}
