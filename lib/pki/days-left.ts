/**
 * The one rule for "days left" across the product (findings, certificate cards, the inventory, fleet views, the
 * CLI and CSV exports): whole days, counted down (floor) from the one `now` the caller judges with.
 * - 23 days 20 hours left → 23, "expires in 23 days"; under one day left → 0, "expires today".
 * - Expired, symmetric: 3 days 5 hours ago → -3, "expired 3 days ago"; under one day ago → 0, "expired today".
 * A number alone cannot tell "expires today" from "expired today": pair it with validityStatus. Pure.
 */
import { DAY_MS } from './validity-status';

/** Whole days in a span of milliseconds, dropping the part of a day (never negative). */
export function wholeDays(ms: number): number {
  return Math.floor(Math.abs(ms) / DAY_MS);
}

/** Whole days until notAfter: positive ahead, negative once expired (whole days since), 0 within a day either way. */
export function daysLeft(notAfter: string, now: Date): number {
  const ms = Date.parse(notAfter) - now.getTime();
  const days = wholeDays(ms);
  return ms < 0 && days > 0 ? -days : days;
}

/** `1 day`, `23 days`. */
export function dayCount(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "expires in 23 days", "expires today", "expired today", "expired 3 days ago". */
export function relativeExpiry(notAfter: string, now: Date): string {
  const ms = Date.parse(notAfter) - now.getTime();
  const days = wholeDays(ms);
  if (ms >= 0) return days === 0 ? 'expires today' : `expires in ${dayCount(days)}`;
  return days === 0 ? 'expired today' : `expired ${dayCount(days)} ago`;
}

/** "valid in 2 days", "valid later today": for a certificate whose notBefore is still ahead. */
export function relativeStart(notBefore: string, now: Date): string {
  const days = wholeDays(Date.parse(notBefore) - now.getTime());
  return days === 0 ? 'valid later today' : `valid in ${dayCount(days)}`;
}

/** The card's line: relativeStart before notBefore, else relativeExpiry. */
export function relativeValidity(notBefore: string, notAfter: string, now: Date): string {
  return Date.parse(notBefore) > now.getTime() ? relativeStart(notBefore, now) : relativeExpiry(notAfter, now);
}
