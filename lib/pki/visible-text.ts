/**
 * Text from a certificate (or a file name) made safe to show: every character that is invisible, reorders
 * the text around it or breaks a line is replaced by its escaped form, `\u202E` (`\u{E0041}` beyond the BMP).
 * Escaped: control characters (Cc), format characters (Cf: bidi embeddings, overrides and isolates, U+200E/F,
 * U+061C, zero-width characters, U+FEFF, tag characters), line and paragraph separators (U+2028/9), lone
 * surrogates, every space but U+0020 (NBSP and friends look like a space and are not one), and the invisible
 * letters and marks that render as nothing (Hangul fillers, U+034F, Mongolian variation selectors, variation
 * selectors). A backslash already in the text is left as it is. Pure; O(length).
 */
const CLASS =
  '[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u2800\\u3164\\uffa0\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}]';
const INVISIBLE = new RegExp(CLASS, 'gu');
const HAS_INVISIBLE = new RegExp(CLASS, 'u');

function escape(character: string): string {
  const code = character.codePointAt(0)!;
  return code > 0xffff
    ? `\\u{${code.toString(16).toUpperCase()}}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, escape);
}

/** Whether visibleText would change the text (the `name-has-control-characters` rule). */
export function hasInvisibleCharacters(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}
