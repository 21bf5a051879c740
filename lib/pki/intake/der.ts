/** A tiny strict DER reader for classifying binary input without building full objects. */

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

/** Reads one TLV at `offset`; null when malformed, indefinite or running past `limit`. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv | null {
  if (offset + 2 > limit) return null;
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) return null; // high tag numbers never appear in what we classify
  let cursor = offset + 1;
  const first = bytes[cursor++]!;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || cursor + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[cursor++]!;
  }
  const end = cursor + length;
  if (end > limit) return null;
  return { tag, start: offset, contentStart: cursor, end };
}

/** The children of a constructed TLV; null when they do not exactly fill it. */
export function readChildren(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const children: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset, parent.end);
    if (!child) return null;
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Universal DER tags the engine reads (shared with decode/). */
export const BOOLEAN = 0x01;
export const INTEGER = 0x02;
export const BIT_STRING = 0x03;
export const OCTET_STRING = 0x04;
export const OBJECT_IDENTIFIER = 0x06;
export const SEQUENCE = 0x30;
const CONTEXT_0_CONSTRUCTED = 0xa0;
const SIGNED_DATA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

export type DerKind = 'certificate' | 'pkcs7' | 'private-key' | 'pkcs12' | 'unknown';

function isCertificateAt(bytes: Uint8Array, tlv: Tlv): boolean {
  if (tlv.tag !== SEQUENCE) return false;
  const parts = readChildren(bytes, tlv);
  return (
    parts !== null &&
    parts.length === 3 &&
    parts[0]!.tag === SEQUENCE &&
    parts[1]!.tag === SEQUENCE &&
    parts[2]!.tag === BIT_STRING
  );
}

function isSignedDataOid(bytes: Uint8Array, tlv: Tlv): boolean {
  if (tlv.tag !== OBJECT_IDENTIFIER || tlv.end - tlv.contentStart !== SIGNED_DATA_OID.length) return false;
  return SIGNED_DATA_OID.every((byte, i) => bytes[tlv.contentStart + i] === byte);
}

/** PKCS#8, PKCS#1 RSA, SEC1 EC, DSA and encrypted PKCS#8 keys all share these outer shapes. */
function looksLikePrivateKey(bytes: Uint8Array, parts: Tlv[]): boolean {
  const [first, second, third] = parts;
  if (!first || !second) return false;
  const isSmallInteger =
    first.tag === INTEGER && first.end - first.contentStart === 1 && bytes[first.contentStart]! <= 1;
  if (isSmallInteger && second.tag === SEQUENCE && third?.tag === OCTET_STRING) return true; // PKCS#8
  if (isSmallInteger && second.tag === OCTET_STRING) return true; // SEC1 EC
  if (isSmallInteger && second.tag === INTEGER && parts.length >= 6) return true; // PKCS#1 RSA, DSA
  return first.tag === SEQUENCE && second.tag === OCTET_STRING && parts.length === 2; // encrypted PKCS#8
}

export function classifyDer(bytes: Uint8Array): DerKind {
  if (isPkcs12(bytes)) return 'pkcs12';
  const outer = readTlv(bytes, 0);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== bytes.length) return 'unknown';
  if (isCertificateAt(bytes, outer)) return 'certificate';
  const parts = readChildren(bytes, outer);
  if (!parts) return 'unknown';
  if (parts.length === 2 && isSignedDataOid(bytes, parts[0]!) && parts[1]!.tag === CONTEXT_0_CONSTRUCTED)
    return 'pkcs7';
  return looksLikePrivateKey(bytes, parts) ? 'private-key' : 'unknown';
}

/** The DER of every certificate in a PKCS#7 SignedData; null when the structure is malformed. */
export function certificatesFromPkcs7(bytes: Uint8Array): Uint8Array[] | null {
  const outer = readTlv(bytes, 0);
  const parts = outer && readChildren(bytes, outer);
  const explicit = parts?.[1];
  if (!explicit || explicit.tag !== CONTEXT_0_CONSTRUCTED) return null;
  const signedData = readTlv(bytes, explicit.contentStart, explicit.end);
  const fields = signedData && signedData.tag === SEQUENCE ? readChildren(bytes, signedData) : null;
  if (!fields) return null;
  // version, digestAlgorithms, encapContentInfo, then [0] IMPLICIT certificates OPTIONAL
  const certificateSet = fields.slice(3).find((field) => field.tag === CONTEXT_0_CONSTRUCTED);
  if (!certificateSet) return [];
  const members = readChildren(bytes, certificateSet);
  if (!members) return null;
  return members
    .filter((member) => isCertificateAt(bytes, member))
    .map((member) => bytes.slice(member.start, member.end));
}

const PKCS7_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];

/** Skips a tag and a length (short, long or BER indefinite); the offset of the content, or -1. */
function skipHeader(bytes: Uint8Array, offset: number, tag: number): number {
  if (bytes[offset] !== tag) return -1;
  const first = bytes[offset + 1];
  if (first === undefined) return -1;
  return first < 0x80 ? offset + 2 : offset + 2 + (first & 0x7f);
}

/**
 * A PKCS#12 (.pfx/.p12) archive: SEQUENCE { INTEGER 3, SEQUENCE { pkcs7-data OID, ... }, ... }. Windows writes
 * it in BER (indefinite lengths), so this looks at the first bytes only instead of parsing strictly.
 */
export function isPkcs12(bytes: Uint8Array): boolean {
  let offset = skipHeader(bytes, 0, SEQUENCE);
  if (offset < 0 || bytes[offset] !== INTEGER || bytes[offset + 1] !== 1 || bytes[offset + 2] !== 3) return false;
  offset = skipHeader(bytes, offset + 3, SEQUENCE);
  return offset >= 0 && PKCS7_DATA_OID.every((byte, i) => bytes[offset + i] === byte);
}
