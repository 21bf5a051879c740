import { readChildren, readTlv, type Tlv } from '../intake/der';
import { toHex } from '../encoding';
import type { CertificateInfo, NameConstraintsInfo } from '../types';
import { formatName, readName } from './names';
import { EXTENDED_KEY_USAGES, EXTENSION_IDS, KEY_USAGE_BITS } from './oids';
import type { RawExtension } from './structure';
import { content, oidToString, readBoolean, readOid, readSmallInteger, TAG } from './values';

export type ExtensionFields = Pick<
  CertificateInfo,
  | 'basicConstraints'
  | 'keyUsage'
  | 'keyUsageCritical'
  | 'extendedKeyUsage'
  | 'subjectAltNames'
  | 'subjectKeyIdentifier'
  | 'authorityKeyIdentifier'
  | 'nameConstraints'
>;

/** The extnValue OCTET STRING's content parsed as one TLV. */
function innerValue(raw: RawExtension): { bytes: Uint8Array; tlv: Tlv } | null {
  const tlv = readTlv(raw.value, 0);
  return tlv && tlv.end === raw.value.length ? { bytes: raw.value, tlv } : null;
}

function keyUsageBits(bytes: Uint8Array, tlv: Tlv): string[] {
  const bits = content(bytes, tlv).subarray(1); // first byte counts unused bits
  return KEY_USAGE_BITS.filter((_, bit) => ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function popcount(byte: number): number {
  let count = 0;
  for (let b = byte; b; b &= b - 1) count++;
  return count;
}

function formatIp(bytes: Uint8Array): string {
  const half = bytes.length / 2;
  const address = bytes.subarray(0, half);
  const prefix = [...bytes.subarray(half)].reduce((sum, byte) => sum + popcount(byte), 0);
  if (half === 4) return `${[...address].join('.')}/${prefix}`;
  const groups: string[] = [];
  for (let i = 0; i < address.length; i += 2) groups.push(((address[i]! << 8) | address[i + 1]!).toString(16));
  return `${groups.join(':')}/${prefix}`;
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function formatGeneralName(bytes: Uint8Array, tlv: Tlv): string {
  const value = content(bytes, tlv);
  switch (tlv.tag) {
    case 0x81:
      return `email:${latin1(value)}`;
    case 0x82:
      return `DNS:${latin1(value)}`;
    case 0x86:
      return `URI:${latin1(value)}`;
    case 0x87:
      return value.length === 8 || value.length === 32 ? `IP:${formatIp(value)}` : 'IP:(malformed)';
    case 0xa4: {
      const name = readName(value);
      return name ? `DirName:${formatName(name)}` : 'DirName:(malformed)';
    }
    default:
      return `GeneralName tag ${tlv.tag & 0x1f}`;
  }
}

function subtrees(bytes: Uint8Array, wrapper: Tlv | undefined): string[] {
  if (!wrapper) return [];
  return (readChildren(bytes, wrapper) ?? []).map((subtree) => {
    const base = readChildren(bytes, subtree)?.[0];
    return base ? formatGeneralName(bytes, base) : '(malformed)';
  });
}

function nameConstraints(bytes: Uint8Array, tlv: Tlv, critical: boolean): NameConstraintsInfo {
  const parts = readChildren(bytes, tlv) ?? [];
  return {
    critical,
    permitted: subtrees(
      bytes,
      parts.find((part) => part.tag === 0xa0),
    ),
    excluded: subtrees(
      bytes,
      parts.find((part) => part.tag === 0xa1),
    ),
  };
}

export function readExtensions(rawExtensions: RawExtension[]): ExtensionFields {
  const fields: ExtensionFields = {
    basicConstraints: { present: false, critical: false, cA: false, pathLength: null },
    keyUsage: [],
    keyUsageCritical: null,
    extendedKeyUsage: [],
    subjectAltNames: [],
    subjectKeyIdentifier: null,
    authorityKeyIdentifier: null,
    nameConstraints: null,
  };
  for (const raw of rawExtensions) {
    const inner = innerValue(raw);
    if (!inner) continue;
    const { bytes, tlv } = inner;
    switch (oidToString(raw.oid)) {
      case EXTENSION_IDS.basicConstraints: {
        const parts = tlv.tag === TAG.SEQUENCE ? readChildren(bytes, tlv) : null;
        if (!parts) break;
        const cA = parts[0]?.tag === TAG.BOOLEAN && readBoolean(bytes, parts[0]);
        const pathLength = readSmallInteger(
          bytes,
          parts.find((part) => part.tag === TAG.INTEGER),
        );
        fields.basicConstraints = { present: true, critical: raw.critical, cA, pathLength };
        break;
      }
      case EXTENSION_IDS.keyUsage:
        if (tlv.tag === TAG.BIT_STRING) {
          fields.keyUsage = keyUsageBits(bytes, tlv);
          fields.keyUsageCritical = raw.critical;
        }
        break;
      case EXTENSION_IDS.extendedKeyUsage:
        fields.extendedKeyUsage = (readChildren(bytes, tlv) ?? []).map((purpose) => {
          const oid = readOid(bytes, purpose) ?? '(malformed)';
          return EXTENDED_KEY_USAGES[oid] ?? oid;
        });
        break;
      case EXTENSION_IDS.subjectAltName:
        fields.subjectAltNames = (readChildren(bytes, tlv) ?? []).map((name) => formatGeneralName(bytes, name));
        break;
      case EXTENSION_IDS.subjectKeyIdentifier:
        if (tlv.tag === TAG.OCTET_STRING) fields.subjectKeyIdentifier = toHex(content(bytes, tlv));
        break;
      case EXTENSION_IDS.authorityKeyIdentifier: {
        const keyIdentifier = (readChildren(bytes, tlv) ?? []).find((part) => part.tag === 0x80);
        if (keyIdentifier) fields.authorityKeyIdentifier = toHex(content(bytes, keyIdentifier));
        break;
      }
      case EXTENSION_IDS.nameConstraints:
        if (tlv.tag === TAG.SEQUENCE) fields.nameConstraints = nameConstraints(bytes, tlv, raw.critical);
        break;
    }
  }
  return fields;
}
