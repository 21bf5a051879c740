/**
 * The one registry of finding ids: every id lib/pki (and lib/clusters on its behalf) reports, the stage that reports
 * it (intake, lint, path validation) with the severities it may have there, and what it means. `FindingId` is
 * derived from it, so a finding with an id that is not listed does not compile; the README's table of finding ids
 * is printed from it (`npm run docs:findings`) and a test fails when the two differ.
 *
 * The code that reports a finding imports only the types (no runtime cost, nothing in the browser bundle); the
 * messages stay with the rules that build them, since they name the certificate and the values involved.
 */
import type { Severity } from './types';

type SeverityRule = Severity | readonly [Severity, ...Severity[]];

export interface FindingRule {
  /** Reading the input (`lib/pki/intake`, `read-bundle.ts`): fixes are `info`, refusals `error`. */
  intake?: SeverityRule;
  /** Linting a trust bundle (`lib/pki/lint`). */
  lint?: SeverityRule;
  /** Path validation (`lib/pki/path`). */
  path?: SeverityRule;
  /** What it means, for the README table (one sentence, Markdown). */
  meaning: string;
}

export const FINDING_RULES = {
  // Intake: fixes applied while reading.
  'bom-removed': { intake: 'info', meaning: 'A UTF-8 byte order mark at the start was removed.' },
  'crlf-normalized': { intake: 'info', meaning: 'Windows (CRLF) line endings were converted to LF.' },
  'cr-normalized': { intake: 'info', meaning: 'Old Mac (CR) line endings were converted to LF.' },
  'utf16-converted': { intake: 'info', meaning: 'UTF-16 text was converted to UTF-8.' },
  'whitespace-trimmed': {
    intake: 'info',
    meaning: 'Indentation and trailing whitespace around PEM lines were removed.',
  },
  'text-outside-blocks': {
    intake: 'info',
    meaning: 'Text outside PEM blocks (comments, Bag Attributes) was removed; only the blocks are sent.',
  },
  'pem-lines-rewrapped': {
    intake: 'info',
    meaning: 'PEM base64 lines of another length were rewrapped to 64 characters.',
  },
  'base64-pem-decoded': { intake: 'info', meaning: 'Base64 of PEM text (an AKS entry) was decoded.' },
  'base64-der-decoded': { intake: 'info', meaning: 'Bare base64 of a DER certificate was read.' },
  'der-converted': { intake: 'info', meaning: 'A binary DER certificate was converted to PEM.' },
  'pkcs7-converted': { intake: 'info', meaning: 'The certificates of a PKCS#7 bundle were taken out of it.' },
  'trusted-certificate-converted': {
    intake: 'info',
    meaning: 'An OpenSSL `TRUSTED CERTIFICATE` block was read as a plain certificate (its trust settings dropped).',
  },
  // Intake: refusals.
  'empty-input': { intake: 'error', meaning: 'The input is empty.' },
  'input-too-large': { intake: 'error', meaning: 'The input is larger than 2 MiB; refused before parsing.' },
  'not-text-or-der': { intake: 'error', meaning: 'Binary input that is neither text nor DER.' },
  'no-certificate': { intake: 'error', meaning: 'No certificate was found in the input.' },
  'pem-missing-end': { intake: 'error', meaning: 'A PEM block has a BEGIN line but no END line.' },
  'pem-end-without-begin': { intake: 'error', meaning: 'An END line without its BEGIN line.' },
  'pem-label-mismatch': { intake: 'error', meaning: 'The END label differs from the BEGIN label.' },
  'pem-headers': {
    intake: 'error',
    meaning: 'A PEM block holds RFC 1421 headers (`Proc-Type:`…), which AKS nodes cannot read.',
  },
  'invalid-base64': { intake: 'error', meaning: 'A PEM block or entry is not valid base64.' },
  'empty-pem-block': { intake: 'error', meaning: 'A PEM block without content.' },
  'not-a-certificate': {
    intake: 'error',
    meaning:
      'A block is not a readable X.509 certificate (see [Parser strictness](#parser-strictness-what-not-a-certificate-refuses)).',
  },
  'pkcs7-without-certificates': { intake: 'error', meaning: 'A PKCS#7 bundle that holds no certificate.' },
  'invalid-aks-entry': {
    intake: 'error',
    meaning: 'An entry of `customCATrustCertificates` is not base64 of a PEM certificate.',
  },
  'private-key': {
    intake: 'error',
    meaning: 'A private key in any shape (see below; also `PKCS#12 archive, which holds a private key`).',
  },
  'certificate-request': { intake: 'error', meaning: 'A certificate signing request instead of a certificate.' },
  crl: { intake: 'error', meaning: 'A certificate revocation list instead of a certificate.' },
  'public-key': { intake: 'error', meaning: 'A bare public key instead of a certificate.' },
  'unsupported-pem-block': { intake: 'error', meaning: 'A PEM block of another kind.' },
  'internal-error': {
    intake: 'error',
    path: 'error',
    meaning: 'The engine failed on this input (a bug); nothing is sent.',
  },
  // Lint.
  'not-a-ca': {
    lint: 'error',
    path: 'error',
    meaning: 'Not a CA certificate (basicConstraints missing or cA false); on a path: a parent that is not a CA.',
  },
  'key-usage-missing-cert-sign': { lint: 'error', meaning: 'A CA whose keyUsage lacks keyCertSign.' },
  expired: { lint: 'error', path: 'error', meaning: 'Past its notAfter.' },
  'not-yet-valid': { lint: 'warning', path: 'error', meaning: 'Before its notBefore.' },
  'expiring-soon': {
    lint: 'warning',
    meaning: 'Expires within 30 days (the message says "within 7 days" when it is).',
  },
  'rsa-key-too-small': {
    lint: 'error',
    path: 'error',
    meaning: 'An RSA key under 2048 bits (lint); under 1024 bits (path validation, as Go).',
  },
  'ec-curve-not-allowed': { lint: 'error', meaning: 'An EC key on a curve other than P-256, P-384 or P-521.' },
  'key-type-not-allowed': { lint: 'error', meaning: 'A DSA or unknown public key type.' },
  'md5-signature': { lint: 'error', path: 'error', meaning: 'Signed with MD5 (or MD2).' },
  'sha1-signature': {
    lint: ['warning', 'error'],
    path: 'error',
    meaning: 'Signed with SHA-1: a warning on a self-signed root, an error otherwise.',
  },
  'old-version': {
    lint: 'warning',
    meaning: 'An X.509 v1/v2 certificate (no extensions); a v1/v2 self-signed root gets this instead of `not-a-ca`.',
  },
  'self-signature-invalid': {
    lint: 'warning',
    meaning: 'A self-issued certificate whose signature does not verify with its own key.',
  },
  duplicate: { lint: 'warning', meaning: 'The same certificate (SHA-256 of the DER) more than once; kept once.' },
  'too-many-certificates': { lint: 'error', meaning: 'More than 10 certificates, the AKS limit.' },
  'issuer-not-in-bundle': {
    lint: 'info',
    meaning: 'A certificate whose issuer is not in the bundle (the nodes can still use it as a trust anchor).',
  },
  'basic-constraints-not-critical': { lint: 'info', meaning: 'A CA whose basicConstraints are not marked critical.' },
  'name-constraints-present': { lint: 'info', meaning: 'A CA with name constraints.' },
  'name-has-control-characters': {
    lint: 'warning',
    meaning:
      'Subject, issuer or SAN holds control, bidi, zero-width or invisible characters; the message lists them escaped, e.g. `\\u202E`, never raw.',
  },
  // Path validation (lib/pki/path), see "Rules implemented" below.
  'missing-intermediate': { path: 'error', meaning: 'No issuer with that name sent or trusted.' },
  'root-not-trusted': {
    path: 'error',
    meaning: 'The path ends at a self-signed certificate that is not in the bundle.',
  },
  'no-trusted-path': { path: 'error', meaning: 'Issuers were found but no path through them reaches the bundle.' },
  'too-many-candidates': { path: 'error', meaning: "The search stopped after 100 signature checks (Go's limit)." },
  'issuer-key-usage': { path: 'error', meaning: "A parent's keyUsage lacks keyCertSign." },
  'signature-invalid': { path: 'error', meaning: "The parent's key did not sign the child." },
  'signature-algorithm-unsupported': { path: 'error', meaning: 'DSA, Ed448 or an unknown signature algorithm.' },
  'path-length-exceeded': {
    path: 'error',
    meaning: 'More intermediates below a CA than its pathLenConstraint allows.',
  },
  'max-depth-exceeded': { path: 'error', meaning: 'The path is longer than the `maxDepth` option.' },
  'eku-missing': { path: 'error', meaning: "The peer's extended key usage excludes the purpose." },
  'eku-not-allowed-by-ca': { path: 'error', meaning: "A CA's extended key usage excludes the purpose." },
  'name-constraint-violated': { path: 'error', meaning: "A name below a CA falls outside the CA's name constraints." },
  'unknown-critical-extension': { path: 'error', meaning: "A critical extension Go's parser does not handle." },
  'name-mismatch': { path: 'error', meaning: 'The host name is not among the DNS SANs.' },
  'wildcard-mismatch': { path: 'error', meaning: 'A wildcard SAN that does not cover the host name.' },
  'ip-mismatch': { path: 'error', meaning: 'The IP address is not among the IP SANs.' },
  'name-only-in-common-name': { path: 'error', meaning: 'The host name is only in the Common Name, which Go ignores.' },
  'other-paths-fail': { path: 'info', meaning: 'The peer is trusted, but other candidate paths fail.' },
  'unreadable-certificate': { path: 'warning', meaning: 'An input certificate could not be read; it is left out.' },
  'empty-bundle': { path: 'error', meaning: 'No anchors to verify against.' },
  'no-peer-certificate': { path: 'error', meaning: 'The chain holds no peer certificate.' },
} as const satisfies Record<string, FindingRule>;

export type FindingId = keyof typeof FINDING_RULES;

type SeveritiesOf<R> = R extends readonly Severity[] ? R[number] : R extends Severity ? R : never;
type Rule<I extends FindingId> = (typeof FINDING_RULES)[I];
type Stage = 'intake' | 'lint' | 'path';

/** The severities `id` may have (in any stage); `findingFor` accepts only these. */
export type SeverityOf<I extends FindingId> = {
  [S in Stage]: Rule<I> extends { readonly [K in S]: infer R } ? SeveritiesOf<R> : never;
}[Stage];
