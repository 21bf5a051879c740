/** Per-principal token buckets for ARM reads and writes (azure-facts.md §7). */

export interface BucketResult {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until one token is available (when not allowed). */
  retryAfterSeconds: number;
}

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private perMinute: number,
    private readonly now: () => number,
  ) {}

  setPerMinute(perMinute: number): void {
    this.perMinute = perMinute;
    this.buckets.clear();
  }

  get capacity(): number {
    return this.perMinute;
  }

  take(key: string): BucketResult {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const waitMs = (1 - bucket.tokens) / ratePerMs;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  reset(): void {
    this.buckets.clear();
  }
}
