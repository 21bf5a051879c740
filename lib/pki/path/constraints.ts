import type { ConstraintName } from './extensions';
import { formatIp } from './hostname';
import type { PathCertificate } from './model';

/** Go's domainToReverseLabels: null for an empty label, an absolute name or a byte outside 33..126. */
function reverseLabels(domain: string): string[] | null {
  if (domain === '') return [];
  const labels = domain.split('.').reverse();
  if (labels[0] === '') return null;
  for (const label of labels) {
    if (label === '' || [...label].some((c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126)) return null;
  }
  return labels;
}

/** Go's matchDomainConstraint, including its leading-period form for DNS constraints. */
export function matchDomainConstraint(domain: string, constraint: string): boolean | 'unparsable' {
  if (constraint === '') return true;
  const domainLabels = reverseLabels(domain);
  if (!domainLabels) return 'unparsable';
  const mustHaveSubdomains = constraint.startsWith('.');
  const constraintLabels = reverseLabels(mustHaveSubdomains ? constraint.slice(1) : constraint);
  if (!constraintLabels) return 'unparsable';
  if (
    domainLabels.length < constraintLabels.length ||
    (mustHaveSubdomains && domainLabels.length === constraintLabels.length)
  )
    return false;
  return constraintLabels.every((label, index) => label.toLowerCase() === domainLabels[index]!.toLowerCase());
}

function splitMailbox(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

function matchEmail(address: string, constraint: string): boolean | 'unparsable' {
  const mailbox = splitMailbox(address);
  if (!mailbox) return 'unparsable';
  if (constraint.includes('@')) {
    const wanted = splitMailbox(constraint);
    if (!wanted) return 'unparsable';
    return mailbox.local === wanted.local && mailbox.domain.toLowerCase() === wanted.domain.toLowerCase();
  }
  return matchDomainConstraint(mailbox.domain, constraint);
}

function matchUri(uri: string, constraint: string): boolean | 'unparsable' {
  let host: string;
  try {
    host = new URL(uri).hostname;
  } catch {
    return 'unparsable';
  }
  if (host === '' || host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return 'unparsable';
  return matchDomainConstraint(host, constraint);
}

function matchIp(ip: Uint8Array, address: Uint8Array, mask: Uint8Array): boolean {
  if (ip.length !== address.length) return false;
  return ip.every((byte, index) => (byte & mask[index]!) === (address[index]! & mask[index]!));
}

function describe(constraint: ConstraintName): string {
  if (constraint.type === 'ip') {
    const prefix = [...constraint.mask].reduce((sum, byte) => sum + byte.toString(2).replace(/0/g, '').length, 0);
    return `${formatIp(constraint.address)}/${prefix}`;
  }
  return constraint.value === '' ? '(any)' : constraint.value;
}

type Name = { type: 'dns' | 'email' | 'uri'; value: string } | { type: 'ip'; value: Uint8Array };

const TYPE_TEXT = { dns: 'DNS name', email: 'email address', uri: 'URI', ip: 'IP address' } as const;

function matches(name: Name, constraint: ConstraintName): boolean | 'unparsable' {
  if (name.type !== constraint.type) return false;
  switch (constraint.type) {
    case 'dns':
      return matchDomainConstraint(name.value as string, constraint.value);
    case 'email':
      return matchEmail(name.value as string, constraint.value);
    case 'uri':
      return matchUri(name.value as string, constraint.value);
    case 'ip':
      return matchIp(name.value as Uint8Array, constraint.address, constraint.mask);
  }
}

export interface ConstraintViolation {
  /** Sentence fragment: `DNS name "x" is excluded by "y"` / `... is not in the permitted names (a, b)`. */
  detail: string;
  certificate: PathCertificate;
}

/**
 * Go's name-constraint check when `ca` is appended to `chain`: every email, DNS, URI and IP SAN of each
 * certificate below it (those with a SAN extension) must match no excluded subtree and, when there are
 * permitted subtrees of that type, at least one of them. DirectoryName constraints are not applied (Go).
 */
export function checkNameConstraints(ca: PathCertificate, chain: PathCertificate[]): ConstraintViolation | null {
  const constraints = ca.nameConstraints;
  if (!constraints) return null;
  for (const certificate of chain) {
    if (certificate.rawSan === null) continue;
    const names: Name[] = [
      ...certificate.emailAddresses.map((value) => ({ type: 'email' as const, value })),
      ...certificate.dnsNames.map((value) => ({ type: 'dns' as const, value })),
      ...certificate.uris.map((value) => ({ type: 'uri' as const, value })),
      ...certificate.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
    ];
    for (const name of names) {
      const shown = `${TYPE_TEXT[name.type]} "${name.type === 'ip' ? formatIp(name.value) : name.value}"`;
      for (const excluded of constraints.excluded) {
        const result = matches(name, excluded);
        if (result === 'unparsable')
          return { certificate, detail: `${shown} cannot be checked against "${describe(excluded)}"` };
        if (result) return { certificate, detail: `${shown} is excluded by "${describe(excluded)}"` };
      }
      const permitted = constraints.permitted.filter((constraint) => constraint.type === name.type);
      if (permitted.length === 0) continue;
      const results = permitted.map((constraint) => matches(name, constraint));
      if (results.includes('unparsable'))
        return { certificate, detail: `${shown} cannot be checked against the permitted names` };
      if (!results.includes(true))
        return {
          certificate,
          detail: `${shown} is not in the permitted names (${permitted.map(describe).join(', ')})`,
        };
    }
  }
  return null;
}
