import type { Tlv } from '../intake/der';
import { checkBitString, checkBoolean, checkInteger, checkOid, contentOf, fail } from './strict-der';

/**
 * Directory strings and times checked as Go's crypto/x509 checks them (and, for UTF8String, BMPString and
 * UniversalString, as OpenSSL behind Node's X509Certificate does). Reasons are fixed texts.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Go's PrintableString set, with '*' and '&' that real certificates use. */
function isPrintable(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x27 && byte <= 0x29) ||
    (byte >= 0x2b && byte <= 0x2f) ||
    byte === 0x20 ||
    byte === 0x3a ||
    byte === 0x3d ||
    byte === 0x3f ||
    byte === 0x2a ||
    byte === 0x26
  );
}

export function isIa5(value: Uint8Array): boolean {
  for (const byte of value) if (byte >= 0x80) return false;
  return true;
}

function checkBmp(value: Uint8Array, what: string): void {
  if (value.length % 2 !== 0) fail(`${what} is a BMPString of odd length`);
  let end = value.length;
  if (end >= 2 && value[end - 1] === 0 && value[end - 2] === 0) end -= 2; // Go strips one terminator
  for (let i = 0; i < end; i += 2) {
    const unit = (value[i]! << 8) | value[i + 1]!;
    if ((unit >= 0xd800 && unit <= 0xdfff) || unit === 0xfffe || unit === 0xffff || (unit >= 0xfdd0 && unit <= 0xfdef))
      fail(`${what} is a BMPString with a surrogate or noncharacter`);
  }
}

function checkUniversal(value: Uint8Array, what: string): void {
  if (value.length % 4 !== 0) fail(`${what} is a UniversalString whose length is not a multiple of 4`);
  for (let i = 0; i < value.length; i += 4) {
    const code = ((value[i]! << 24) | (value[i + 1]! << 16) | (value[i + 2]! << 8) | value[i + 3]!) >>> 0;
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      fail(`${what} is a UniversalString with a code point beyond Unicode or a surrogate`);
  }
}

/**
 * The value types OpenSSL (behind Node's X509Certificate) accepts in a name: its B_ASN1_PRINTABLE set plus the
 * universal tags it does not know (7-9, 11, 13-15, 29). VisibleString, OCTET STRING, INTEGER, OID, times and
 * context-specific tags are refused there, so they are refused here too (Go would accept them raw).
 */
const NAME_VALUE_TAGS = new Set([
  0x03, 0x07, 0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x12, 0x13, 0x14, 0x16, 0x1c, 0x1d, 0x1e, 0x30,
]);

/** A value of a name attribute: a type OpenSSL accepts, checked as Go's readASN1Any checks it. */
export function checkAttributeValue(bytes: Uint8Array, tlv: Tlv, what: string): void {
  if (!NAME_VALUE_TAGS.has(tlv.tag)) fail(`${what} has an attribute value of a type names do not use`);
  const value = contentOf(bytes, tlv);
  switch (tlv.tag) {
    case 0x0c:
      try {
        utf8.decode(value);
      } catch {
        fail(`${what} is an invalid UTF8String`);
      }
      return;
    case 0x13:
      for (const byte of value)
        if (!isPrintable(byte)) fail(`${what} is a PrintableString with a character outside its set`);
      return;
    case 0x16:
      if (!isIa5(value)) fail(`${what} is an IA5String with a non-ASCII byte`);
      return;
    case 0x12:
      for (const byte of value)
        if (byte !== 0x20 && (byte < 0x30 || byte > 0x39)) fail(`${what} is a NumericString with a non-digit`);
      return;
    case 0x1e:
      return checkBmp(value, what);
    case 0x1c:
      return checkUniversal(value, what);
    case 0x02:
      checkInteger(bytes, tlv, what);
      if (value.length > 8) fail(`${what} is an INTEGER too large to read`);
      return;
    case 0x03:
      checkBitString(bytes, tlv, what);
      return;
    case 0x06:
      return checkOid(bytes, tlv, what);
    case 0x17:
    case 0x18:
      checkTime(bytes, tlv, what);
      return;
    case 0x01:
      checkBoolean(bytes, tlv, what);
      return;
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}

/**
 * UTCTime YYMMDDhhmm[ss] and GeneralizedTime YYYYMMDDhhmmss, each ending in Z or a non-zero +-hhmm offset
 * (Go formats a zero offset as Z and requires the text to round-trip); every field in range. Returns ms.
 */
export function checkTime(bytes: Uint8Array, tlv: Tlv, what: string): number {
  let text = '';
  for (const byte of contentOf(bytes, tlv)) text += String.fromCharCode(byte);
  const isUtc = tlv.tag === 0x17;
  if (!isUtc && tlv.tag !== 0x18) fail(`${what} is not a UTCTime or GeneralizedTime`);
  let zone = 0;
  let body = text;
  if (text.endsWith('Z')) body = text.slice(0, -1);
  else {
    const match = /^(.*)([+-])(\d\d)(\d\d)$/.exec(text);
    if (!match) fail(`${what} has no time zone`);
    const hours = Number(match[3]);
    const minutes = Number(match[4]);
    if (hours > 23 || minutes > 59 || hours + minutes === 0) fail(`${what} has an invalid time zone offset`);
    zone = (match[2] === '+' ? 1 : -1) * (hours * 60 + minutes);
    body = match[1]!;
  }
  const lengths = isUtc ? [10, 12] : [14];
  if (!lengths.includes(body.length) || !isDigits(body))
    fail(`${what} is not a valid ${isUtc ? 'UTCTime' : 'GeneralizedTime'}`);
  const yearDigits = isUtc ? 2 : 4;
  let year = Number(body.slice(0, yearDigits));
  if (isUtc) year += year >= 50 ? 1900 : 2000;
  const [month, day, hour, minute, second = 0] = (body.slice(yearDigits).match(/\d\d/g) ?? []).map(Number) as number[];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month! >= 1 && month! <= 12 ? DAYS_IN_MONTH[month! - 1]! + (month === 2 && leap ? 1 : 0) : 0;
  if (!monthDays || day! < 1 || day! > monthDays || hour! > 23 || minute! > 59 || second > 59)
    fail(`${what} has a field out of range`);
  return Date.UTC(year, month! - 1, day!, hour!, minute!, second) - zone * 60_000;
}
