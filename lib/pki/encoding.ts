/** Isomorphic byte helpers: no Buffer, no atob quirks, same behaviour in every runtime. */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(i)] = i;

function isBase64Char(code: number): boolean {
  return code < 128 && (BASE64_VALUES[code] ?? -1) >= 0;
}

/** Index of the first character that is neither base64 nor `=`; -1 when all are valid. */
export function firstNonBase64Char(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 61 && !isBase64Char(code)) return i;
  }
  return -1;
}

/** Decodes strict standard base64 (no whitespace). Returns null when malformed. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const length = text.length;
  if (length === 0 || length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < length; i += 4) {
    const isLast = i + 4 === length;
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    const c = isLast && padding === 2 ? 0 : valueAt(text, i + 2);
    const d = isLast && padding >= 1 ? 0 : valueAt(text, i + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = (triple >> 16) & 0xff;
    if (o < out.length) out[o++] = (triple >> 8) & 0xff;
    if (o < out.length) out[o++] = triple & 0xff;
  }
  return out;
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (BASE64_VALUES[code] ?? -1) : -1;
}

/** Standard base64. Uses the platform's btoa (browsers and Node 16+), which is native and fast. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x2000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

/** Base64 of ASCII text (PEM is always ASCII), without a round trip through bytes. */
export function encodeAsciiBase64(text: string): string {
  return btoa(text);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (let i = 0; i < view.length; i++) out += HEX[view[i]!];
  return out;
}

const utf8Encoder = new TextEncoder();

export function utf8Encode(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Canonical PEM: LF line endings, 64-character lines, trailing newline. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE', base64OfDer?: string): string {
  const body = base64OfDer ?? encodeBase64(der);
  let out = `-----BEGIN ${label}-----\n`;
  for (let i = 0; i < body.length; i += 64) out += body.slice(i, i + 64) + '\n';
  return out + `-----END ${label}-----\n`;
}
