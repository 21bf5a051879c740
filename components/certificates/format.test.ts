import { describe, expect, it } from 'vitest';
import { colonHex, localTime, publicKeyText, utcTime } from './format';

describe('certificate formatting', () => {
  it('shows UTC, local time with its zone, colon hex and key sizes', () => {
    expect(utcTime('2026-03-01T14:05:00.000Z')).toBe('2026-03-01 14:05:00 UTC');
    expect(localTime('2026-03-01T14:05:00.000Z')).toMatch(/2026/);
    expect(colonHex('0a1b2c')).toBe('0A:1B:2C');
    expect(publicKeyText({ algorithm: 'RSA', size: 2048 })).toBe('RSA 2048 bits');
    expect(publicKeyText({ algorithm: 'EC', size: 256, curve: 'P-256' })).toBe('EC P-256');
  });
});
