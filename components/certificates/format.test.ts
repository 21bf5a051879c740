import { describe, expect, it } from 'vitest';
import { colonHex, localTime, publicKeyText, relativeValidity, utcTime } from './format';

describe('certificate formatting', () => {
  it('shows UTC, local time with its zone, colon hex and key sizes', () => {
    expect(utcTime('2026-03-01T14:05:00.000Z')).toBe('2026-03-01 14:05:00 UTC');
    expect(localTime('2026-03-01T14:05:00.000Z')).toMatch(/2026/);
    expect(colonHex('0a1b2c')).toBe('0A:1B:2C');
    expect(publicKeyText({ algorithm: 'RSA', size: 2048 })).toBe('RSA 2048 bits');
    expect(publicKeyText({ algorithm: 'EC', size: 256, curve: 'P-256' })).toBe('EC P-256');
  });
});

describe('relative validity', () => {
  const now = new Date('2026-12-01T21:00:00.000Z');
  it('counts whole days as the validity findings do (lib/pki/days-left), so badge and finding agree', () => {
    // 12.3 days ago: 12 whole days.
    expect(relativeValidity('2024-01-01T00:00:00Z', '2026-11-19T14:00:00.000Z', now)).toBe('expired 12 days ago');
    expect(relativeValidity('2024-01-01T00:00:00Z', '2026-12-01T22:00:00.000Z', now)).toBe('expires today');
    expect(relativeValidity('2024-01-01T00:00:00Z', '2026-12-01T20:00:00.000Z', now)).toBe('expired today');
    // 21.5 days ahead: 21 whole days.
    expect(relativeValidity('2024-01-01T00:00:00Z', '2026-12-23T09:00:00.000Z', now)).toBe('expires in 21 days');
    expect(relativeValidity('2026-12-03T20:00:00.000Z', '2027-12-01T00:00:00Z', now)).toBe('valid in 1 day');
    expect(relativeValidity('2026-12-01T22:00:00.000Z', '2027-12-01T00:00:00Z', now)).toBe('valid later today');
  });
});
