/**
 * In-memory, expiring stores: pending sign-ins (picker transactions), one-time authorization codes, refresh tokens
 * and browser sessions. Keys are 256-bit random base64url strings.
 */
import { randomBytes } from 'node:crypto';

export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly lifetimeMs: number) {}

  add(value: T, id: string = randomId()): string {
    this.sweep();
    this.entries.set(id, { value, expiresAt: Date.now() + this.lifetimeMs });
    return id;
  }

  get(id: string | undefined): T | undefined {
    if (!id) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  /** Returns the value and removes it: the first use is the only use. */
  take(id: string | undefined): T | undefined {
    const value = this.get(id);
    if (id) this.entries.delete(id);
    return value;
  }

  delete(id: string | undefined): void {
    if (id) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  private sweep(): void {
    if (this.entries.size < 1000) return;
    const now = Date.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}

export const MINUTE_MS = 60_000;
