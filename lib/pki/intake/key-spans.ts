import { decodeBase64 } from '../encoding';
import { classifyDer, isPkcs12 } from './der';

/**
 * Finds private key material in text, in every shape users paste: PEM key blocks with any number of dashes and
 * any case (`-----begin private key-----`, four or six dashes), key DER inside CERTIFICATE markers, base64 (one
 * line or wrapped) of PKCS#8, PKCS#1, SEC1, encrypted PKCS#8 or PKCS#12 DER, base64 of a PEM key, and JSON
 * string values holding any of these. Linear in the text. Used by intake (to refuse) and by removePrivateKeys.
 */
export type KeySpanKind = 'private-key' | 'pkcs12';

export interface KeySpan {
  /** Character offsets in the text: [start, end). */
  start: number;
  end: number;
  /** 1-based lines (LF, CRLF and lone CR each end a line). */
  startLine: number;
  endLine: number;
  kind: KeySpanKind;
}

/** Loose PEM markers: 2+ dashes, BEGIN/END in any case, a label, 2+ dashes. */
const LOOSE_MARKER = /(?<!-)-{2,} ?(BEGIN|END) ([A-Za-z0-9 #._]{0,60}?) ?-{2,}/gi;
const KEY_LABEL = /PRIVATE KEY|^PKCS12$|^PFX$/i;
const CERTIFICATE_LABEL = /^(X\.?509 )?CERTIFICATE$/i;
/** Ed25519 PKCS#8 (48 bytes) is the smallest key: 64 base64 characters. */
const MIN_BASE64 = 60;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
/** A JSON string of base64 (escaped line breaks and slashes allowed) or holding a PEM marker. */
const JSON_BASE64_STRING = /"((?:[A-Za-z0-9+/=]|\\[nr]|\\\/){60,})"/g;

/** Whether bytes are key material: key DER, PKCS#12, or text holding a PEM key. */
export function keyKindOfBytes(bytes: Uint8Array): KeySpanKind | null {
  if (isPkcs12(bytes)) return 'pkcs12';
  if (bytes[0] === 0x30 && classifyDer(bytes) === 'private-key') return 'private-key';
  if (bytes.length > 16 * 1024 * 1024) return null;
  let text = '';
  for (let i = 0; i < Math.min(bytes.length, 1 << 20); i++) {
    const byte = bytes[i]!;
    if (byte === 0) return null;
    text += String.fromCharCode(byte);
  }
  return hasPemKeyMarker(text) ? 'private-key' : null;
}

function hasPemKeyMarker(text: string): boolean {
  for (const match of text.matchAll(LOOSE_MARKER)) if (KEY_LABEL.test(match[2]!.trim())) return true;
  return false;
}

function base64Kind(text: string): KeySpanKind | null {
  const compact = text.replace(/\\[nr]|\s/g, '').replace(/\\\//g, '/');
  if (compact.length < MIN_BASE64) return null;
  const bytes = decodeBase64(compact);
  return bytes ? keyKindOfBytes(bytes) : null;
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

export function findKeySpans(text: string): KeySpan[] {
  const starts = lineStarts(text);
  const raw: { start: number; end: number; kind: KeySpanKind }[] = [];
  /** Ranges between BEGIN and END markers of any label, so base64 inside them is not looked at again. */
  const blocks: { start: number; end: number }[] = [];

  // 1. PEM-like blocks: key labels in any case or dash count; CERTIFICATE blocks whose content is a key.
  let open: { start: number; label: string; bodyStart: number } | null = null;
  const closeAt = (end: number, bodyEnd: number) => {
    if (!open) return;
    blocks.push({ start: open.start, end });
    if (KEY_LABEL.test(open.label))
      raw.push({ start: open.start, end, kind: /PKCS12|PFX/i.test(open.label) ? 'pkcs12' : 'private-key' });
    else if (CERTIFICATE_LABEL.test(open.label)) {
      const kind = base64Kind(text.slice(open.bodyStart, bodyEnd));
      if (kind) raw.push({ start: open.start, end, kind });
    }
    open = null;
  };
  if (text.includes('--')) {
    for (const match of text.matchAll(LOOSE_MARKER)) {
      const label = match[2]!.trim();
      const at = match.index;
      if (match[1]!.toUpperCase() === 'BEGIN') {
        if (open) closeAt(at, at); // a block without END ends at the next BEGIN
        open = { start: at, label, bodyStart: at + match[0].length };
      } else if (open) {
        closeAt(at + match[0].length, at);
      }
    }
    if (open) closeAt(text.length, text.length);
  }
  // Offsets are asked in increasing order within each pass, so a moving index keeps this linear.
  let blockIndex = 0;
  const insideBlock = (offset: number) => {
    while (blockIndex < blocks.length && blocks[blockIndex]!.end <= offset) blockIndex++;
    const block = blocks[blockIndex];
    return block !== undefined && offset >= block.start;
  };

  // 2. Runs of base64 lines outside blocks. A run may hold one value per line (as ARM lists entries) or wrapped
  // values (lines of one width, the last one shorter), so every stretch of equal-width lines is tried alone and
  // with the line after it: linear in the number of lines.
  let run: [number, number, number][] = []; // start, end, width
  const tryRange = (first: number, last: number) => {
    const start = run[first]![0];
    const end = run[last]![1];
    const kind = base64Kind(text.slice(start, end));
    if (kind) raw.push({ start, end, kind });
  };
  const flush = () => {
    for (let i = 0; i < run.length;) {
      let j = i;
      while (j + 1 < run.length && run[j + 1]![2] === run[i]![2]) j++;
      tryRange(i, j);
      if (j + 1 < run.length && run[j + 1]![2] < run[i]![2]) tryRange(i, j + 1);
      if (j > i) for (let k = i; k <= j; k++) tryRange(k, k); // equal-width one-per-line entries
      i = j + 1;
    }
    run = [];
  };
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line]!;
    const next = starts[line + 1] ?? text.length;
    // Lines inside PEM blocks were looked at in pass 1: skip them before slicing and matching.
    const content = insideBlock(start) ? '' : text.slice(start, next).trim();
    if (content && BASE64_LINE.test(content)) run.push([start, next, content.length]);
    else flush();
  }
  flush();
  blockIndex = 0;

  // 3. JSON string values of base64 (az aks show, ARM resources, any JSON holding a key).
  if (text.includes('"')) {
    for (const match of text.matchAll(JSON_BASE64_STRING)) {
      const start = match.index + 1;
      if (insideBlock(start)) continue;
      const kind = base64Kind(match[1]!);
      if (kind) raw.push({ start, end: start + match[1]!.length, kind });
    }
  }

  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: KeySpan[] = [];
  for (const span of raw) {
    const last = spans[spans.length - 1];
    if (last && span.start < last.end) continue;
    spans.push({
      ...span,
      startLine: lineOf(starts, span.start),
      endLine: lineOf(starts, Math.max(span.start, span.end - 1)),
    });
  }
  return spans;
}
