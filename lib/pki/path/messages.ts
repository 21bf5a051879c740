import { displayNameOf, readName } from '../decode/names';
import type { Finding } from '../types';
import type { PathEnd } from './build';
import { EXTENDED_KEY_USAGES } from '../decode/oids';
import type { Problem, Purpose, Role } from './checks';
import { formatIp } from './hostname';
import { nameOf, type PathCertificate } from './model';

/**
 * One sentence per reason: what is wrong, then what to do. Certificate names are quoted as decoded (the
 * dashboard renders them in <bdi>); nothing else from the input is repeated.
 */

const q = (certificate: PathCertificate) => `'${nameOf(certificate)}'`;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

function roleText(role: Role, purpose: Purpose): string {
  if (role === 'leaf') return purpose === 'server' ? 'The server certificate' : 'The client certificate';
  return role === 'intermediate' ? 'The intermediate' : 'The trusted root';
}

const purposeText = (purpose: Purpose) =>
  purpose === 'server' ? 'TLS server authentication (serverAuth)' : 'TLS client authentication (clientAuth)';

function ekuList(certificate: PathCertificate): string {
  return certificate.extKeyUsage.map((oid) => EXTENDED_KEY_USAGES[oid] ?? oid).join(', ');
}

export function issuerNameOf(certificate: PathCertificate): string {
  const name = readName(certificate.rawIssuer);
  return name ? displayNameOf(name) : certificate.info.issuer;
}

function problemMessage(problem: Problem, purpose: Purpose): string {
  const { certificate: c, role } = problem;
  const who = `${roleText(role, purpose)} ${q(c)}`;
  const child = problem.child ? q(problem.child) : '';
  switch (problem.id) {
    case 'expired':
      return `${who} expired on ${day(c.notAfter)}: ${
        role === 'leaf'
          ? 'renew it on the server.'
          : role === 'intermediate'
            ? 'the server must send the renewed intermediate; ask its owner to update the chain it serves.'
            : 'replace it in the bundle with its renewed version (same name, new validity).'
      }`;
    case 'not-yet-valid':
      return `${who} is valid only from ${day(c.notBefore)}: wait until then, or check the clock of the machine that issued it.`;
    case 'unknown-critical-extension':
      return `${who} has a critical extension Go does not understand (${problem.detail}), so Go refuses it: reissue it without that extension or with it marked non-critical.`;
    case 'eku-missing':
      return `${who} does not allow ${purposeText(purpose)}; its extended key usage lists only ${ekuList(c)}: reissue it with ${purpose === 'server' ? 'serverAuth' : 'clientAuth'}.`;
    case 'eku-not-allowed-by-ca':
      return `${who} limits what it may issue to ${ekuList(c)}, which excludes ${purposeText(purpose)}; Go applies a CA's extended key usage to the whole chain: issue the certificate from a CA that allows ${purpose === 'server' ? 'serverAuth' : 'clientAuth'} (or lists no extended key usage).`;
    case 'name-constraint-violated':
      return `${who} has name constraints, and the ${problem.detail}: issue the certificate from a CA allowed to sign that name, or remove the name from the certificate.`;
    case 'not-a-ca':
      return `${who} issues certificates but is not a CA (basicConstraints CA:TRUE is missing): use the real issuing CA certificate, or reissue this one as a CA.`;
    case 'issuer-key-usage':
      return `${who} has a key usage without keyCertSign, so Go does not accept its signature on ${child}: reissue it with keyCertSign.`;
    case 'path-length-exceeded':
      return `${who} allows ${c.info.basicConstraints.pathLength} intermediate(s) below it (pathLenConstraint) but this chain puts ${problem.detail?.split(' ')[0]} there: shorten the chain, or reissue it with a larger path length.`;
    case 'max-depth-exceeded':
      return `The chain through ${q(c)} is longer than the maximum of ${problem.detail} certificates: shorten the chain, or raise the maximum depth.`;
    case 'md5-signature':
      return `${child} is signed with MD5 (${problem.detail}), which Go refuses: reissue it signed with SHA-256.`;
    case 'sha1-signature':
      return `${child} is signed with SHA-1 (${problem.detail}), which Go refuses in certificate chains: reissue it signed with SHA-256 or stronger.`;
    case 'rsa-key-too-small':
      return `${who} has a ${problem.detail}-bit RSA key and Go refuses RSA keys under 1024 bits: replace it with a 2048-bit (or larger) key.`;
    case 'signature-algorithm-unsupported':
      return `The signature on ${child || q(c)} (${problem.detail}) cannot be checked, and Go does not accept it either: reissue it with RSA, ECDSA or Ed25519 and SHA-256.`;
    case 'signature-invalid':
      return `${child} names ${q(c)} as its issuer, but ${q(c)}'s key did not sign it (another certificate with the same name exists): send or trust the exact certificate that issued ${child}.`;
  }
}

export function problemFinding(problem: Problem, purpose: Purpose): Finding {
  return { id: problem.id, severity: 'error', message: problemMessage(problem, purpose) };
}

export function endFinding(end: PathEnd, top: PathCertificate, sentIntermediates: number): Finding | null {
  switch (end) {
    case 'anchor':
      return null;
    case 'issuer-unknown': {
      const issuer = `'${issuerNameOf(top)}'`;
      return {
        id: 'missing-intermediate',
        severity: 'error',
        message:
          sentIntermediates === 0
            ? `The server sends no intermediate: add ${issuer} to its chain, or trust it (add it to the bundle).`
            : `Neither the chain nor the bundle holds ${issuer}, the issuer of ${q(top)}: add ${issuer} to the server's chain, or trust it (add it to the bundle).`,
      };
    }
    case 'untrusted-self-signed':
      return {
        id: 'root-not-trusted',
        severity: 'error',
        message: `The chain ends at ${q(top)}, which the bundle does not trust: add ${q(top)} to the bundle (compare its SHA-256 ${top.info.sha256} with its owner first).`,
      };
    case 'issuers-failed':
      return {
        id: 'no-trusted-path',
        severity: 'error',
        message: `No path from ${q(top)} reaches a certificate in the bundle: add the root that issued ${q(top)} to the bundle.`,
      };
    case 'search-limit':
      return {
        id: 'too-many-candidates',
        severity: 'error',
        message: `The search stopped after 100 signature checks (Go's limit) without a trusted path: send fewer cross-signed or same-named certificates.`,
      };
  }
}

export function hostnameFinding(
  leaf: PathCertificate,
  host: string,
  isIp: boolean,
  kind: 'name-mismatch' | 'name-only-in-common-name' | 'wildcard-mismatch' | 'ip-mismatch',
  pattern?: string,
): Finding {
  const names = leaf.dnsNames.length > 0 ? leaf.dnsNames.join(', ') : 'no DNS names';
  const ips = leaf.ipAddresses.length > 0 ? leaf.ipAddresses.map(formatIp).join(', ') : 'no IP addresses';
  const messages = {
    'ip-mismatch': `The server certificate ${q(leaf)} does not list the IP address ${host} (it lists ${ips}); Go matches IP addresses only against IP subject alternative names: reissue it with IP:${host}, or connect by a DNS name it lists.`,
    'name-only-in-common-name': `'${host}' appears only in the Common Name of ${q(leaf)}, and Go ignores the Common Name: reissue the certificate with DNS:${host} as a subject alternative name.`,
    'wildcard-mismatch': `The wildcard '${pattern}' in ${q(leaf)} does not cover '${host}' (a wildcard stands for exactly one whole left-most label, so not the bare domain, not two labels, not part of a label): add DNS:${host} to the certificate, or connect with a name the wildcard covers.`,
    'name-mismatch': `The server certificate ${q(leaf)} is valid for ${names}, not '${host}': connect with one of those names, or reissue it with DNS:${host} as a subject alternative name.`,
  };
  return { id: kind, severity: 'error', message: isIp ? messages['ip-mismatch'] : messages[kind] };
}
