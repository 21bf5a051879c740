import { readChildren, readTlv, type Tlv } from '../intake/der';
import { toHex } from '../encoding';
import { checkTime } from './strict-values';

/** Readers for the DER primitive values that certificates use. Each returns null when malformed. */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OBJECT_IDENTIFIER: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

const utf8 = new TextDecoder('utf-8');

export function content(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

/** Parses a whole buffer as one TLV and its children. */
export function parseSequence(bytes: Uint8Array): Tlv[] | null {
  const outer = readTlv(bytes, 0);
  return outer && outer.end === bytes.length && outer.tag === TAG.SEQUENCE ? readChildren(bytes, outer) : null;
}

export function oidToString(bytes: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

export function readOid(bytes: Uint8Array, tlv: Tlv | undefined): string | null {
  return tlv && tlv.tag === TAG.OBJECT_IDENTIFIER ? oidToString(content(bytes, tlv)) : null;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

function utf16be(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}

function utf32be(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const code = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  }
  return out;
}

/** Text of a directory string; unknown string types are shown as `#hex` of the whole encoding (RFC 4514). */
export function readString(bytes: Uint8Array, tlv: Tlv): string {
  const value = content(bytes, tlv);
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return utf8.decode(value);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.NUMERIC_STRING:
    case TAG.VISIBLE_STRING:
    case TAG.TELETEX_STRING:
      return latin1(value);
    case TAG.BMP_STRING:
      return utf16be(value);
    case TAG.UNIVERSAL_STRING:
      return utf32be(value);
    default:
      return `#${toHex(bytes.subarray(tlv.start, tlv.end))}`;
  }
}

/** UTCTime or GeneralizedTime as an ISO-8601 UTC string (Go's format rules; see checkTime). */
export function readTime(bytes: Uint8Array, tlv: Tlv | undefined): string | null {
  if (!tlv) return null;
  try {
    return new Date(checkTime(bytes, tlv, 'a time')).toISOString();
  } catch {
    return null;
  }
}

export function readBoolean(bytes: Uint8Array, tlv: Tlv): boolean {
  return tlv.end > tlv.contentStart && bytes[tlv.contentStart] !== 0;
}

/** A small non-negative INTEGER (path lengths); null when negative or too large to matter. */
export function readSmallInteger(bytes: Uint8Array, tlv: Tlv | undefined): number | null {
  if (!tlv || tlv.tag !== TAG.INTEGER || tlv.end - tlv.contentStart > 4) return null;
  const first = bytes[tlv.contentStart] ?? 0;
  if (first & 0x80) return null;
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) value = value * 256 + bytes[i]!;
  return value;
}

/** Bit length of a DER INTEGER's magnitude. */
export function integerBits(bytes: Uint8Array, tlv: Tlv): number {
  let start = tlv.contentStart;
  while (start < tlv.end - 1 && bytes[start] === 0) start++;
  const top = bytes[start] ?? 0;
  return (tlv.end - start - 1) * 8 + (top === 0 ? 0 : 32 - Math.clz32(top));
}

export interface AlgorithmIdentifier {
  oid: string;
  /** The encoded parameters, if any. */
  params: Uint8Array | null;
}

export function readAlgorithm(bytes: Uint8Array): AlgorithmIdentifier | null {
  const parts = parseSequence(bytes);
  const oid = parts ? readOid(bytes, parts[0]) : null;
  if (!parts || !oid) return null;
  const params = parts[1];
  return { oid, params: params && params.tag !== TAG.NULL ? bytes.subarray(params.start, params.end) : null };
}
