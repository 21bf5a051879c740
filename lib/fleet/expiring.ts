/** CAs expiring within a window (7, 30, 90 days or any other), with the clusters that trust them. Pure. */
import { DAY_MS } from '../pki/validity-status';
import type { FleetCa } from './types';

export const EXPIRY_WINDOWS = [7, 30, 90] as const;
export const DEFAULT_EXPIRY_WINDOW = 30;
export const MAX_EXPIRY_WINDOW = 3650;

/** A window in days from a URL or form value: a whole number 0..3650, else the default. */
export function parseWindowDays(value: string | null | undefined): number {
  if (value === null || value === undefined || !/^\d{1,4}$/.test(value.trim())) return DEFAULT_EXPIRY_WINDOW;
  const days = Number(value.trim());
  return days <= MAX_EXPIRY_WINDOW ? days : DEFAULT_EXPIRY_WINDOW;
}

/**
 * The CAs whose notAfter falls before now + days, expired ones included (they still need replacing), soonest
 * first. A CA not yet valid but already inside the window is included too: it ends inside it.
 */
export function expiringWithin(index: readonly FleetCa[], days: number, now: Date): FleetCa[] {
  const limit = now.getTime() + days * DAY_MS;
  return index
    .filter((ca) => Date.parse(ca.notAfter) <= limit)
    .sort((a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter) || a.sha256.localeCompare(b.sha256));
}
