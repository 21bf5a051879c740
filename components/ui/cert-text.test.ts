import { describe, expect, it } from 'vitest';
import { certLabel, certText, readableInstants } from './cert-text';
import { formatFingerprint, SHA256_FINGERPRINT } from '@/lib/pki/fingerprint';

describe('certificate text shown safely', () => {
  it('makes bidi controls and other invisible characters visible', () => {
    expect(certText('Evil\u202ECA').shown).toBe('Evil\\u202ECA');
    expect(certText('a\u2066b\u2069\u200F\u061C\u2028').shown).toBe('a\\u2066b\\u2069\\u200F\\u061C\\u2028');
    expect(certText('Contoso Root CA')).toEqual({ shown: 'Contoso Root CA', full: 'Contoso Root CA', cut: false });
  });

  it('cuts a 64 KB name with an ellipsis and keeps the whole value', () => {
    const name = 'A'.repeat(65_536);
    const { shown, full, cut } = certText(name);
    expect(cut).toBe(true);
    expect(shown).toHaveLength(121);
    expect(shown.endsWith('…')).toBe(true);
    expect(full).toBe(name);
    expect(certLabel(name, 10)).toBe('AAAAAAAAAA…');
  });

  it('never cuts an escape in half', () => {
    const name = `${'x'.repeat(117)}\u202E${'y'.repeat(20)}`;
    expect(certText(name).shown).toBe(`${'x'.repeat(117)}…`);
  });

  it('reads ISO instants in a finding as UTC dates', () => {
    expect(readableInstants('"Old CA" expired on 2025-11-18T10:00:00.000Z (13 days ago)')).toBe(
      '"Old CA" expired on 2025-11-18 10:00:00 UTC (13 days ago)',
    );
  });
});

describe('fingerprints', () => {
  it('one format: upper-case hex pairs with colons, whatever the input', () => {
    const hex = 'ab'.repeat(32);
    expect(formatFingerprint(hex)).toMatch(SHA256_FINGERPRINT);
    expect(formatFingerprint('0a1b2c')).toBe('0A:1B:2C');
    expect(formatFingerprint('0A:1B:2C')).toBe('0A:1B:2C');
  });
});
