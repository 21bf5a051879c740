import { describe, expect, it } from 'vitest';
import { hasInvisibleCharacters, visibleText } from '@/lib/pki';

describe('visibleText', () => {
  it('escapes bidi controls, so they can never reorder the text around them', () => {
    for (const code of [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
    ]) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      expect(visibleText(`a${String.fromCharCode(code)}b`)).toBe(`a\\u${hex}b`);
    }
  });

  it('escapes control, format, separator and invisible characters and lone surrogates', () => {
    expect(visibleText('a\u0000b\u0007c\u007fd\u0085e')).toBe('a\\u0000b\\u0007c\\u007Fd\\u0085e');
    expect(visibleText('x\u200by\u200dz\ufeff\u00ad')).toBe('x\\u200By\\u200Dz\\uFEFF\\u00AD');
    expect(visibleText('l\u2028p\u2029')).toBe('l\\u2028p\\u2029');
    expect(visibleText('tag\u{e0041}')).toBe('tag\\u{E0041}');
    expect(visibleText('s\ud800t\udc00')).toBe('s\\uD800t\\uDC00');
    expect(visibleText('nb\u00a0sp\u3164')).toBe('nb\\u00A0sp\\u3164');
    expect(visibleText('tab\tnl\n')).toBe('tab\\u0009nl\\u000A');
  });

  it('leaves ordinary text unchanged, including non-Latin scripts, emoji pairs and RFC 4514 escapes', () => {
    for (const text of ['CN=Contoso Root CA, O=Contoso\\, Ltd', 'Zürich Ωμέγα 日本語 עברית العربية', '😀', '']) {
      expect(visibleText(text)).toBe(text);
      expect(hasInvisibleCharacters(text)).toBe(false);
    }
  });

  it('reports whether anything would be escaped', () => {
    expect(hasInvisibleCharacters('evil\u202Egpj.exe')).toBe(true);
  });

  it('is linear on a long name', () => {
    const long = 'a\u202e'.repeat(32 * 1024);
    const started = performance.now();
    expect(visibleText(long).length).toBe(32 * 1024 * 7);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
