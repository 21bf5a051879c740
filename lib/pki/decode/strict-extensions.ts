import type { Tlv } from '../intake/der';
import {
  checkBitString,
  checkBoolean,
  checkInteger,
  checkOid,
  contentOf,
  expectTag,
  fail,
  strictChildren,
  strictTlv,
} from './strict-der';
import { isIa5 } from './strict-values';

/**
 * The extension checks of Go's processExtensions: each extension Go parses must decode, with Go's rules. Like
 * Go, only the first TLV of an extension value is read (trailing bytes after it are not looked at), except for
 * nameConstraints, which must be exactly one SEQUENCE.
 */

type Checker = (value: Uint8Array, critical: boolean) => void;

/** The first TLV of an extension value, strictly, with the expected tag. */
function first(value: Uint8Array, tag: number, what: string): Tlv {
  return expectTag(strictTlv(value, 0, value.length, what), tag, what);
}

function text(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** Go's domainNameValid: no trailing dot, printable ASCII without spaces, no empty label. */
function domainNameValid(name: string, constraint: boolean): boolean {
  if (name.length === 0) return true;
  if (name.endsWith('.')) return false;
  const body = constraint && name.startsWith('.') ? name.slice(1) : name;
  for (const label of body.split('.')) {
    if (label.length === 0) return false;
    for (let i = 0; i < label.length; i++) {
      const code = label.charCodeAt(i);
      if (code < 33 || code > 126) return false;
    }
  }
  return true;
}

/** What Go's url.Parse refuses in practice: control characters, bad % escapes, an invalid host. */
function uriValid(uri: string): boolean {
  if (/[\u0000-\u001f\u007f]/.test(uri)) return false;
  if (/%(?![0-9a-fA-F]{2})/.test(uri)) return false;
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(uri)?.[1];
  if (authority === undefined) return true;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) return true;
  const host = hostPort.replace(/:\d*$/, '');
  return !/[:\s]/.test(host) && domainNameValid(host, false);
}

function isV4Mapped(ip: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

const subjectAltName: Checker = (value) => {
  const sequence = first(value, 0x30, 'subjectAltName');
  for (const name of strictChildren(value, sequence, 'subjectAltName')) {
    const data = contentOf(value, name);
    switch (name.tag) {
      case 0x81:
      case 0x82:
        if (!isIa5(data)) fail('a subjectAltName email or DNS name is not IA5');
        break;
      case 0x86:
        if (!isIa5(data) || !uriValid(text(data))) fail('a subjectAltName URI is malformed');
        break;
      case 0x87:
        if (data.length !== 4 && data.length !== 16) fail('a subjectAltName IP address has the wrong length');
        if (data.length === 16 && isV4Mapped(data)) fail('a subjectAltName IP address is IPv4-mapped IPv6');
        break;
    }
  }
};

function validMask(mask: Uint8Array): boolean {
  let seenZero = false;
  for (const byte of mask) {
    if (seenZero) {
      if (byte !== 0) return false;
    } else if (byte !== 0xff) {
      if (![0x00, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe].includes(byte)) return false;
      seenZero = true;
    }
  }
  return true;
}

function checkSubtrees(value: Uint8Array, subtrees: Tlv): void {
  const members = strictChildren(value, subtrees, 'nameConstraints');
  if (members.length === 0) fail('nameConstraints has an empty subtree list');
  for (const member of members) {
    const [base] = strictChildren(value, expectTag(member, 0x30, 'nameConstraints'), 'nameConstraints');
    if (!base) fail('nameConstraints has an empty subtree');
    const data = contentOf(value, base);
    const constraint = text(data);
    switch (base.tag) {
      case 0x82:
        if (!isIa5(data) || !domainNameValid(constraint, true)) fail('a nameConstraints DNS name is malformed');
        break;
      case 0x81:
        if (!isIa5(data) || (!constraint.includes('@') && !domainNameValid(constraint, true)))
          fail('a nameConstraints email constraint is malformed');
        break;
      case 0x86:
        if (!isIa5(data) || /^[\d.]+$|:/.test(constraint) || !domainNameValid(constraint, true))
          fail('a nameConstraints URI constraint is malformed');
        break;
      case 0x87: {
        if (data.length !== 8 && data.length !== 32) fail('a nameConstraints IP range has the wrong length');
        const half = data.length / 2;
        if (!validMask(data.subarray(half))) fail('a nameConstraints IP range has an invalid mask');
        if (half === 16 && isV4Mapped(data.subarray(0, 16))) fail('a nameConstraints IP range is IPv4-mapped IPv6');
        break;
      }
    }
  }
}

const nameConstraints: Checker = (value) => {
  const outer = strictTlv(value, 0, value.length, 'nameConstraints');
  if (outer.tag !== 0x30 || outer.end !== value.length) fail('nameConstraints is malformed');
  const parts = strictChildren(value, outer, 'nameConstraints');
  let index = 0;
  for (const tag of [0xa0, 0xa1]) if (parts[index]?.tag === tag) checkSubtrees(value, parts[index++]!);
  if (index === 0) fail('nameConstraints has neither permitted nor excluded subtrees');
  if (index !== parts.length) fail('nameConstraints is malformed');
};

function oidList(value: Uint8Array, what: string): void {
  for (const oid of strictChildren(value, first(value, 0x30, what), what)) checkOid(value, oid, what);
}

function int64(bytes: Uint8Array, tlv: Tlv, what: string): void {
  checkInteger(bytes, tlv, what);
  if (tlv.end - tlv.contentStart > 8) fail(`${what} is too large`);
}

const CHECKERS: Record<string, Checker> = {
  // keyUsage
  '551d0f': (value) => void checkBitString(value, first(value, 0x03, 'keyUsage'), 'keyUsage'),
  // basicConstraints
  '551d13': (value) => {
    const parts = strictChildren(value, first(value, 0x30, 'basicConstraints'), 'basicConstraints');
    let index = 0;
    if (parts[0]?.tag === 0x01) checkBoolean(value, parts[index++]!, 'basicConstraints cA');
    const pathLength = parts[index];
    if (pathLength?.tag === 0x02) {
      if (checkInteger(value, pathLength, 'basicConstraints pathLen') < 0) fail('basicConstraints pathLen is negative');
      if (pathLength.end - pathLength.contentStart > 8) fail('basicConstraints pathLen is too large');
    }
  },
  '551d11': subjectAltName,
  '551d1e': nameConstraints,
  // cRLDistributionPoints
  '551d1f': (value) => {
    for (const point of strictChildren(value, first(value, 0x30, 'cRLDistributionPoints'), 'cRLDistributionPoints')) {
      const [name] = strictChildren(
        value,
        expectTag(point, 0x30, 'a CRL distribution point'),
        'a CRL distribution point',
      );
      if (name?.tag !== 0xa0) continue;
      const [fullName] = strictChildren(value, name, 'a CRL distribution point');
      if (!fullName || fullName.tag !== 0xa0) fail('a CRL distribution point name is malformed');
      strictChildren(value, fullName, 'a CRL distribution point');
    }
  },
  // authorityKeyIdentifier
  '551d23': (value, critical) => {
    if (critical) fail('authorityKeyIdentifier is marked critical');
    strictChildren(value, first(value, 0x30, 'authorityKeyIdentifier'), 'authorityKeyIdentifier');
  },
  // policyConstraints
  '551d24': (value) => {
    for (const part of strictChildren(value, first(value, 0x30, 'policyConstraints'), 'policyConstraints'))
      if (part.tag === 0x80 || part.tag === 0x81) int64(value, part, 'policyConstraints');
  },
  '551d25': (value) => oidList(value, 'extendedKeyUsage'),
  // subjectKeyIdentifier
  '551d0e': (value, critical) => {
    if (critical) fail('subjectKeyIdentifier is marked critical');
    first(value, 0x04, 'subjectKeyIdentifier');
  },
  // certificatePolicies
  '551d20': (value) => {
    const seen = new Set<string>();
    for (const policy of strictChildren(value, first(value, 0x30, 'certificatePolicies'), 'certificatePolicies')) {
      const [oid] = strictChildren(value, expectTag(policy, 0x30, 'certificatePolicies'), 'certificatePolicies');
      checkOid(value, expectTag(oid, 0x06, 'a certificate policy'), 'a certificate policy', true);
      const key = text(contentOf(value, oid!));
      if (seen.has(key)) fail('certificatePolicies lists a policy twice');
      seen.add(key);
    }
  },
  // policyMappings
  '551d21': (value) => {
    for (const mapping of strictChildren(value, first(value, 0x30, 'policyMappings'), 'policyMappings')) {
      const [from, to] = strictChildren(value, expectTag(mapping, 0x30, 'policyMappings'), 'policyMappings');
      expectTag(from, 0x06, 'policyMappings');
      expectTag(to, 0x06, 'policyMappings');
    }
  },
  // inhibitAnyPolicy
  '551d36': (value) => int64(value, first(value, 0x02, 'inhibitAnyPolicy'), 'inhibitAnyPolicy'),
  // authorityInfoAccess
  '2b06010505070101': (value, critical) => {
    if (critical) fail('authorityInfoAccess is marked critical');
    for (const access of strictChildren(value, first(value, 0x30, 'authorityInfoAccess'), 'authorityInfoAccess')) {
      const [method] = strictChildren(value, expectTag(access, 0x30, 'authorityInfoAccess'), 'authorityInfoAccess');
      checkOid(value, expectTag(method, 0x06, 'authorityInfoAccess'), 'authorityInfoAccess');
    }
  },
};

export function checkStrictExtension(oid: Uint8Array, critical: boolean, value: Uint8Array): void {
  let key = '';
  for (const byte of oid) key += byte.toString(16).padStart(2, '0');
  CHECKERS[key]?.(value, critical);
}
