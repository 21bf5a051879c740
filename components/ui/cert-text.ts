/** How text from a certificate or a file name is made safe to show. Pure (the component is CertText.tsx). */
import { visibleText } from '@/lib/pki/visible-text';

/** Characters of a name shown inline before it is cut; the whole value stays in the title and the copy. */
export const CERT_TEXT_MAX = 120;

/** Visible (escaped) text, cut to `max` characters with an ellipsis; `cut` says whether anything was left out. */
export function certText(value: string, max = CERT_TEXT_MAX): { shown: string; full: string; cut: boolean } {
  const full = visibleText(value);
  if (full.length <= max) return { shown: full, full, cut: false };
  // Never cut an escape (\u202E) in half: back off to before its backslash.
  let end = max;
  const escape = full.lastIndexOf('\\u', end);
  if (escape !== -1 && escape > end - 10) {
    const close = full.startsWith('\\u{', escape) ? full.indexOf('}', escape) + 1 : escape + 6;
    if (close > end) end = escape;
  }
  return { shown: `${full.slice(0, end)}…`, full, cut: true };
}

/** A plain-text label (aria-label, sr-only text, download names) from certificate text: escaped and cut. */
export function certLabel(value: string, max = CERT_TEXT_MAX): string {
  return certText(value, max).shown;
}

/** ISO 8601 instants inside a sentence (lib/pki's findings) read as `2026-03-01 14:05:00 UTC`. */
export function readableInstants(sentence: string): string {
  return sentence.replace(/\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z\b/g, '$1 $2 UTC');
}
