import { describe, expect, it } from 'vitest';
import { daysLeft, relativeExpiry } from '../days-left';
import { validityRules } from '../lint/validity';

const now = new Date('2026-12-01T12:00:00.000Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('days left: one rule (whole days, floor, symmetric)', () => {
  it('counts whole days ahead and behind, 0 within a day either way', () => {
    expect(daysLeft(at(23 * 24 + 20), now)).toBe(23);
    expect(daysLeft(at(24), now)).toBe(1);
    expect(daysLeft(at(23), now)).toBe(0);
    expect(daysLeft(at(-23), now)).toBe(0);
    expect(Object.is(daysLeft(at(-23), now), -0)).toBe(false);
    expect(daysLeft(at(-24), now)).toBe(-1);
    expect(daysLeft(at(-(3 * 24 + 5)), now)).toBe(-3);
  });

  it('reads the same in words', () => {
    expect(relativeExpiry(at(23 * 24 + 20), now)).toBe('expires in 23 days');
    expect(relativeExpiry(at(24), now)).toBe('expires in 1 day');
    expect(relativeExpiry(at(1), now)).toBe('expires today');
    expect(relativeExpiry(at(-1), now)).toBe('expired today');
    expect(relativeExpiry(at(-(3 * 24 + 5)), now)).toBe('expired 3 days ago');
  });

  it('the validity findings count the same days', () => {
    const cert = (notAfter: string) =>
      ({ notBefore: '2020-01-01T00:00:00.000Z', notAfter, displayName: 'CA', sha256: 'ab', source: {} }) as never;
    const message = (notAfter: string) => validityRules(cert(notAfter), { now } as never)[0]!.message;
    expect(message(at(-(3 * 24 + 5)))).toContain('(3 days ago)');
    expect(message(at(-1))).toContain('(today)');
    expect(message(at(20 * 24 + 23))).toContain('(in 20 days)');
    expect(message(at(2))).toContain('(today)');
  });
});
