/**
 * Go's crypto/x509 VerifyHostname: IP addresses only against IP SANs, names only against DNS SANs
 * (the Common Name is ignored), ASCII case-insensitive, a trailing dot on the host ignored, and a
 * wildcard only as the whole left-most label of a valid pattern, matching exactly one label.
 */

/** Go's net.ParseIP: dotted IPv4 or RFC 4291 IPv6 text, as 16 bytes (IPv4 mapped); null otherwise. */
export function parseIp(text: string): Uint8Array | null {
  const v4 = parseIpv4(text);
  if (v4) return mapped(v4);
  return parseIpv6(text);
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [index, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part[0] === '0')) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[index] = value;
  }
  return bytes;
}

function mapped(v4: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(v4, 12);
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  if (!text.includes(':')) return null;
  let tail: Uint8Array | null = null;
  let body = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail = parseIpv4(text.slice(lastColon + 1));
    if (!tail) return null;
    body = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const out = new Uint8Array(16);
  for (const [index, group] of all.entries()) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    const value = parseInt(group, 16);
    out[index * 2] = value >> 8;
    out[index * 2 + 1] = value & 0xff;
  }
  if (tail) out.set(tail, 12);
  return out;
}

/** IP SAN bytes (4 or 16) as 16 bytes, so 10.0.0.1 equals ::ffff:10.0.0.1 as in Go's net.IP.Equal. */
export function toIp16(bytes: Uint8Array): Uint8Array {
  return bytes.length === 4 ? mapped(bytes) : bytes;
}

export function formatIp(bytes: Uint8Array): string {
  const ip = toIp16(bytes);
  const isMapped = ip.slice(0, 10).every((byte) => byte === 0) && ip[10] === 0xff && ip[11] === 0xff;
  if (isMapped) return [...ip.subarray(12)].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i]! << 8) | ip[i + 1]!).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

const sameIp = (a: Uint8Array, b: Uint8Array) => a.every((byte, index) => byte === b[index]);

const toLowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function validHostname(host: string, isPattern: boolean): boolean {
  const name = isPattern ? host : host.replace(/\.$/, '');
  if (name.length === 0) return false;
  return name.split('.').every((part, index) => {
    if (part === '') return false;
    if (isPattern && index === 0 && part === '*') return true;
    return [...part].every((c, j) => /[a-zA-Z0-9_]/.test(c) || (c === '-' && j !== 0));
  });
}

function matchExactly(pattern: string, host: string): boolean {
  if (pattern === '' || pattern === '.' || host === '' || host === '.') return false;
  return toLowerAscii(pattern) === toLowerAscii(host);
}

function matchHostnames(pattern: string, host: string): boolean {
  const patternParts = toLowerAscii(pattern).split('.');
  const hostParts = toLowerAscii(host.replace(/\.$/, '')).split('.');
  if (pattern === '' || hostParts.join('') === '' || patternParts.length !== hostParts.length) return false;
  return patternParts.every((part, index) => (index === 0 && part === '*') || part === hostParts[index]);
}

export interface HostnameCheck {
  ok: boolean;
  isIp: boolean;
  /** The host as it was compared (brackets removed from an IP). */
  host: string;
}

export interface HostnameSubject {
  dnsNames: string[];
  ipAddresses: Uint8Array[];
}

export function verifyHostname(certificate: HostnameSubject, host: string): HostnameCheck {
  const candidateIp = host.length >= 3 && host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const ip = parseIp(candidateIp);
  if (ip) {
    const ok = certificate.ipAddresses.some((candidate) => sameIp(toIp16(candidate), ip));
    return { ok, isIp: true, host: candidateIp };
  }
  const name = toLowerAscii(host);
  const validName = validHostname(name, false);
  const ok = certificate.dnsNames.some((pattern) =>
    validName && validHostname(pattern, true) ? matchHostnames(pattern, name) : matchExactly(pattern, name),
  );
  return { ok, isIp: false, host };
}

/** Why a wildcard SAN did not match, for the message: it covers exactly one label, and only as `*.`. */
export function wildcardNearMiss(dnsNames: string[], host: string): string | null {
  const hostLabels = toLowerAscii(host.replace(/\.$/, '')).split('.');
  for (const pattern of dnsNames) {
    const labels = toLowerAscii(pattern).split('.');
    if (!labels[0]?.includes('*')) continue;
    const suffix = labels.slice(1).join('.');
    const hostSuffix = hostLabels.slice(hostLabels.length - labels.length + 1).join('.');
    if (labels[0] !== '*') return pattern;
    if (hostSuffix === suffix || hostLabels.join('.') === suffix || hostLabels.join('.').endsWith(`.${suffix}`))
      return pattern;
  }
  return null;
}

/** True when the certificate would match only if the Common Name were still used (Go ignores it). */
export function matchesOnlyCommonName(
  certificate: HostnameSubject & { commonName: string | null; rawSan: Uint8Array | null },
  host: string,
): boolean {
  return certificate.rawSan === null && certificate.commonName !== null && matchHostnames(certificate.commonName, host);
}
