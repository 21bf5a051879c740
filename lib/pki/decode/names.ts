import { readChildren, readTlv } from '../intake/der';
import { ATTRIBUTE_NAMES } from './oids';
import { readOid, readString, TAG } from './values';

export interface NameAttribute {
  type: string;
  value: string;
}

/** Attributes of a DER Name in encoded order (least specific first); null when malformed. */
export function readName(bytes: Uint8Array): NameAttribute[] | null {
  const outer = readTlv(bytes, 0);
  const sets = outer && outer.tag === TAG.SEQUENCE ? readChildren(bytes, outer) : null;
  if (!sets) return null;
  const attributes: NameAttribute[] = [];
  for (const set of sets) {
    const members = set.tag === TAG.SET ? readChildren(bytes, set) : null;
    if (!members) return null;
    for (const member of members) {
      const pair = member.tag === TAG.SEQUENCE ? readChildren(bytes, member) : null;
      const oid = pair ? readOid(bytes, pair[0]) : null;
      if (!pair || !oid || !pair[1]) return null;
      attributes.push({ type: ATTRIBUTE_NAMES[oid] ?? oid, value: readString(bytes, pair[1]) });
    }
  }
  return attributes;
}

/** RFC 4514 escaping for display; values are shown, never parsed back. */
function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** RFC 4514 string, most specific attribute first (the order browsers and `openssl -nameopt RFC2253` use). */
export function formatName(attributes: NameAttribute[]): string {
  return attributes
    .toReversed()
    .map((attribute) => `${attribute.type}=${escapeValue(attribute.value)}`)
    .join(', ');
}

/** Subject CN, else the value of the last (most specific) attribute. */
export function displayNameOf(attributes: NameAttribute[]): string {
  const commonName = attributes.find((attribute) => attribute.type === 'CN' && attribute.value.trim() !== '');
  return (commonName ?? attributes[attributes.length - 1])?.value.trim() || '(empty subject)';
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** RFC 5280 name matching, simplified: same attributes in order, case-insensitive, inner spaces collapsed. */
export function sameName(a: NameAttribute[], b: NameAttribute[]): boolean {
  const normalize = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
  return (
    a.length === b.length &&
    a.every((attribute, i) => attribute.type === b[i]!.type && normalize(attribute.value) === normalize(b[i]!.value))
  );
}
