import type { Tlv } from '../intake/der';
import { MalformedCertificateError } from './structure';

/**
 * DER as Go's cryptobyte reads it: one-byte tags, definite minimal lengths (no 0x80, no long form under 128,
 * no leading zero length bytes, at most 4 length bytes), and primitive values checked the way Go checks them.
 * Every check throws MalformedCertificateError with a short fixed reason (never input content).
 */

/** A refusal of the strict reader; its message is a fixed reason that may be shown. */
export class StrictDerError extends MalformedCertificateError {}

export function fail(reason: string): never {
  throw new StrictDerError(reason);
}

/** One TLV at `offset` within `limit`, strictly; throws with `what` in the reason. */
export function strictTlv(bytes: Uint8Array, offset: number, limit: number, what: string): Tlv {
  if (offset + 2 > limit) fail(`${what} is truncated`);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) fail(`${what} uses a multi-byte tag`);
  let cursor = offset + 1;
  const first = bytes[cursor++]!;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0) fail(`${what} has an indefinite length (BER, not DER)`);
    if (count > 4) fail(`${what} has an oversized length`);
    if (cursor + count > limit) fail(`${what} is truncated`);
    if (bytes[cursor] === 0) fail(`${what} has a non-minimal length (BER, not DER)`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[cursor++]!;
    if (length < 0x80) fail(`${what} has a non-minimal length (BER, not DER)`);
  }
  const end = cursor + length;
  if (end > limit) fail(`${what} runs past its container`);
  return { tag, start: offset, contentStart: cursor, end };
}

/** The children of a TLV, strictly, exactly filling it. */
export function strictChildren(bytes: Uint8Array, parent: Tlv, what: string): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = strictTlv(bytes, offset, parent.end, what);
    children.push(child);
    offset = child.end;
  }
  return children;
}

const MAX_DEPTH = 48;

/** Checks the TLV framing of every constructed node below `tlv` (what OpenSSL's template decoder also walks). */
export function walkConstructed(bytes: Uint8Array, tlv: Tlv, what: string, depth = 0): void {
  if ((tlv.tag & 0x20) === 0) return;
  if (depth > MAX_DEPTH) fail(`${what} is nested too deeply`);
  for (const child of strictChildren(bytes, tlv, what)) walkConstructed(bytes, child, what, depth + 1);
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) fail(`${what} is missing`);
  if (tlv.tag !== tag) fail(`${what} has the wrong type`);
  return tlv;
}

export function contentOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

/** A DER INTEGER: non-empty and minimal. Returns its sign (-1, 0 or 1). */
export function checkInteger(bytes: Uint8Array, tlv: Tlv, what: string): -1 | 0 | 1 {
  const length = tlv.end - tlv.contentStart;
  if (length === 0) fail(`${what} is an empty INTEGER`);
  const first = bytes[tlv.contentStart]!;
  if (length > 1) {
    const second = bytes[tlv.contentStart + 1]!;
    if ((first === 0x00 && second < 0x80) || (first === 0xff && second >= 0x80))
      fail(`${what} is a non-minimal INTEGER`);
  }
  if (first & 0x80) return -1;
  for (let i = tlv.contentStart; i < tlv.end; i++) if (bytes[i] !== 0) return 1;
  return 0;
}

/** A small INTEGER's value (version, path length): -1 when negative, null when over 31 bits. */
export function smallIntegerValue(bytes: Uint8Array, tlv: Tlv): number | null {
  if (bytes[tlv.contentStart]! & 0x80) return -1;
  if (tlv.end - tlv.contentStart > 5) return null;
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) value = value * 256 + bytes[i]!;
  return value > 0x7fffffff ? null : value;
}

export function checkBoolean(bytes: Uint8Array, tlv: Tlv, what: string): boolean {
  if (tlv.end - tlv.contentStart !== 1) fail(`${what} is a BOOLEAN of the wrong length`);
  const value = bytes[tlv.contentStart]!;
  if (value !== 0x00 && value !== 0xff) fail(`${what} is a BOOLEAN that is neither 00 nor FF`);
  return value === 0xff;
}

/** A DER BIT STRING: a padding count of 0-7, 0 when empty, and zero padding bits. Returns the content. */
export function checkBitString(bytes: Uint8Array, tlv: Tlv, what: string): Uint8Array {
  const length = tlv.end - tlv.contentStart;
  if (length === 0) fail(`${what} is an empty BIT STRING`);
  const padding = bytes[tlv.contentStart]!;
  if (padding > 7 || (length === 1 && padding > 0)) fail(`${what} has an invalid BIT STRING padding count`);
  if ((bytes[tlv.end - 1]! & ((1 << padding) - 1)) !== 0) fail(`${what} has non-zero BIT STRING padding bits`);
  return bytes.subarray(tlv.contentStart + 1, tlv.end);
}

/** An OBJECT IDENTIFIER as Go's ReadASN1ObjectIdentifier reads it: minimal arcs that fit in 31 bits. */
export function checkOid(bytes: Uint8Array, tlv: Tlv, what: string, allowLargeArcs = false): void {
  if (tlv.tag !== 0x06) fail(`${what} is not an OBJECT IDENTIFIER`);
  if (tlv.end === tlv.contentStart) fail(`${what} is an empty OBJECT IDENTIFIER`);
  let arcStart = true;
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const byte = bytes[i]!;
    if (arcStart && byte === 0x80) fail(`${what} has a non-minimal OBJECT IDENTIFIER arc`);
    value = value * 128 + (byte & 0x7f);
    if (!allowLargeArcs && value > 0x7fffffff) fail(`${what} has an OBJECT IDENTIFIER arc too large to read`);
    arcStart = (byte & 0x80) === 0;
    if (arcStart) value = 0;
  }
  if (!arcStart) fail(`${what} has a truncated OBJECT IDENTIFIER`);
}
