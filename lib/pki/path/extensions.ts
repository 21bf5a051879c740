import { readChildren, readTlv, type Tlv } from '../intake/der';
import type { RawExtension } from '../decode/structure';
import { content, oidToString, readOid, TAG } from '../decode/values';

/** A name constraint subtree base Go understands (DirectoryName and otherName are not among them). */
export type ConstraintName =
  | { type: 'dns'; value: string }
  | { type: 'email'; value: string }
  | { type: 'uri'; value: string }
  | { type: 'ip'; address: Uint8Array; mask: Uint8Array };

export interface PathNameConstraints {
  permitted: ConstraintName[];
  excluded: ConstraintName[];
}

export interface PathExtensions {
  dnsNames: string[];
  emailAddresses: string[];
  ipAddresses: Uint8Array[];
  uris: string[];
  /** The subjectAltName extension's value, or null when there is none (Go's alreadyInChain compares it). */
  rawSan: Uint8Array | null;
  /** Dotted OIDs of extendedKeyUsage; empty when the extension is absent. */
  extKeyUsage: string[];
  nameConstraints: PathNameConstraints | null;
  /** Dotted OIDs of critical extensions Go's parser does not handle (x509: unhandled critical extension). */
  unhandledCritical: string[];
}

/** 2.5.29.x extensions Go's parser handles (parser.go processExtensions); other 2.5.29.x are unhandled. */
const HANDLED_CE = new Set([14, 15, 17, 19, 30, 31, 32, 33, 35, 36, 37, 54]);
const AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function innerTlv(value: Uint8Array): Tlv | null {
  const tlv = readTlv(value, 0);
  return tlv && tlv.end === value.length ? tlv : null;
}

function readSan(value: Uint8Array, out: PathExtensions): boolean {
  const tlv = innerTlv(value);
  const names = tlv && tlv.tag === TAG.SEQUENCE ? readChildren(value, tlv) : null;
  for (const name of names ?? []) {
    const bytes = content(value, name);
    if (name.tag === 0x81) out.emailAddresses.push(latin1(bytes));
    else if (name.tag === 0x82) out.dnsNames.push(latin1(bytes));
    else if (name.tag === 0x86) out.uris.push(latin1(bytes));
    else if (name.tag === 0x87 && (bytes.length === 4 || bytes.length === 16)) out.ipAddresses.push(bytes);
  }
  // Go: a SAN with none of the four supported types is "unhandled" (it matters only when critical).
  return out.dnsNames.length + out.emailAddresses.length + out.ipAddresses.length + out.uris.length > 0;
}

/** Returns the subtrees and whether any base was of a type Go does not support. */
function readSubtrees(bytes: Uint8Array, wrapper: Tlv | undefined): { names: ConstraintName[]; unhandled: boolean } {
  const names: ConstraintName[] = [];
  let unhandled = false;
  for (const subtree of wrapper ? (readChildren(bytes, wrapper) ?? []) : []) {
    const base = readChildren(bytes, subtree)?.[0];
    if (!base) continue;
    const value = content(bytes, base);
    switch (base.tag) {
      case 0x81:
        names.push({ type: 'email', value: latin1(value) });
        break;
      case 0x82:
        names.push({ type: 'dns', value: latin1(value) });
        break;
      case 0x86:
        names.push({ type: 'uri', value: latin1(value) });
        break;
      case 0x87:
        if (value.length === 8 || value.length === 32) {
          const half = value.length / 2;
          names.push({ type: 'ip', address: value.subarray(0, half), mask: value.subarray(half) });
        }
        break;
      default:
        unhandled = true;
    }
  }
  return { names, unhandled };
}

function readNameConstraints(value: Uint8Array): { constraints: PathNameConstraints; unhandled: boolean } | null {
  const tlv = innerTlv(value);
  const parts = tlv && tlv.tag === TAG.SEQUENCE ? readChildren(value, tlv) : null;
  if (!parts) return null;
  const permitted = readSubtrees(
    value,
    parts.find((part) => part.tag === 0xa0),
  );
  const excluded = readSubtrees(
    value,
    parts.find((part) => part.tag === 0xa1),
  );
  return {
    constraints: { permitted: permitted.names, excluded: excluded.names },
    unhandled: permitted.unhandled || excluded.unhandled,
  };
}

function readEku(value: Uint8Array): string[] {
  const tlv = innerTlv(value);
  const purposes = tlv && tlv.tag === TAG.SEQUENCE ? readChildren(value, tlv) : null;
  return (purposes ?? []).map((purpose) => readOid(value, purpose) ?? '(malformed)');
}

export function parseExtensions(raw: RawExtension[]): PathExtensions {
  const out: PathExtensions = {
    dnsNames: [],
    emailAddresses: [],
    ipAddresses: [],
    uris: [],
    rawSan: null,
    extKeyUsage: [],
    nameConstraints: null,
    unhandledCritical: [],
  };
  for (const extension of raw) {
    const oid = oidToString(extension.oid);
    let unhandled = false;
    if (oid.startsWith('2.5.29.') && oid.split('.').length === 4) {
      const arc = Number(oid.split('.')[3]);
      unhandled = !HANDLED_CE.has(arc);
      if (arc === 17) {
        out.rawSan = extension.value;
        unhandled = !readSan(extension.value, out);
      } else if (arc === 37) {
        out.extKeyUsage = readEku(extension.value);
      } else if (arc === 30) {
        const parsed = readNameConstraints(extension.value);
        if (parsed) {
          out.nameConstraints = parsed.constraints;
          unhandled = parsed.unhandled;
        }
      }
    } else {
      unhandled = oid !== AUTHORITY_INFO_ACCESS;
    }
    if (unhandled && extension.critical) out.unhandledCritical.push(oid);
  }
  return out;
}
