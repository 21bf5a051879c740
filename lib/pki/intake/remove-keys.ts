import { findKeySpans } from './key-spans';

/**
 * The text without its private keys (every shape findKeySpans knows): the "Remove the key" action. A key that
 * fills whole lines is removed with its line break; a key inside a JSON string leaves the string empty, so the
 * JSON stays valid. Text around the keys is kept as it is. Pure; `removed` counts the keys taken out.
 */
export function removePrivateKeys(text: string): { text: string; removed: number } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = removeFromJson(trimmed);
    if (json) return json;
  }
  return removeSpans(text);
}

/** JSON: array entries and object members that are keys are dropped; strings holding a key among text are cleaned. */
function removeFromJson(text: string): { text: string; removed: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  let removed = 0;
  const isKey = (item: unknown) =>
    typeof item === 'string' && removeSpans(item).text.trim() === '' && findKeySpans(item).length > 0;
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const result = removeSpans(item);
      removed += result.removed;
      return result.text;
    }
    if (Array.isArray(item)) {
      const kept = item.filter((entry) => !isKey(entry));
      removed += item.length - kept.length;
      return kept.map(clean);
    }
    if (item && typeof item === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item)) {
        if (isKey(entry)) removed++;
        else out[key] = clean(entry);
      }
      return out;
    }
    return item;
  };
  const cleaned = clean(value);
  return removed === 0 ? { text, removed: 0 } : { text: JSON.stringify(cleaned, null, 2) + '\n', removed };
}

function removeSpans(text: string): { text: string; removed: number } {
  const spans = findKeySpans(text);
  if (spans.length === 0) return { text, removed: 0 };
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    let start = span.start;
    let end = span.end;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start);
    if (before.trim() === '' && text[start - 1] !== '"') {
      start = lineStart;
      // Take the rest of the last line and its line break too, when nothing but spaces follows.
      const rest = /^[ \t]*(\r\n|\n|\r)?/.exec(text.slice(end))!;
      end += rest[0].length;
    }
    out += text.slice(cursor, Math.max(cursor, start));
    cursor = Math.max(cursor, end);
  }
  return { text: out + text.slice(cursor), removed: spans.length };
}
