/** What the engine and Node say for each generated scenario (lib/pki/path/tests/scenarios.ts), and why they differ. */
export interface Expectation {
  trusted: boolean;
  /** Error finding ids the engine must report (exactly these, in any order). */
  ids: string[];
  /** Node's verdict: authorized, or the authorizationError code and OpenSSL's reason text. */
  node?: { authorized: true } | { error: string; reason?: RegExp };
  /** Why the engine (Go) and Node (OpenSSL) disagree, when they do. */
  difference?: string;
}

export const expectations: Record<string, Expectation> = {
  valid: { trusted: true, ids: [], node: { authorized: true } },
  'valid-trailing-dot-mixed-case': { trusted: true, ids: [], node: { authorized: true } },
  'valid-root-sent-too': { trusted: true, ids: [], node: { authorized: true } },
  'valid-no-eku': { trusted: true, ids: [], node: { authorized: true } },
  'expired-intermediate': { trusted: false, ids: ['expired'], node: { error: 'CERT_HAS_EXPIRED' } },
  'expired-leaf': { trusted: false, ids: ['expired'], node: { error: 'CERT_HAS_EXPIRED' } },
  'missing-intermediate': {
    trusted: false,
    ids: ['missing-intermediate'],
    node: { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
  },
  'root-not-trusted': { trusted: false, ids: ['root-not-trusted'], node: { error: 'SELF_SIGNED_CERT_IN_CHAIN' } },
  'name-mismatch': { trusted: false, ids: ['name-mismatch'], node: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' } },
  'cn-only': {
    trusted: false,
    ids: ['name-only-in-common-name'],
    node: { authorized: true },
    difference:
      'Node (tls.checkServerIdentity) still falls back to the Common Name when a certificate has no DNS SAN; Go ignores the Common Name since Go 1.15.',
  },
  'wildcard-valid': { trusted: true, ids: [], node: { authorized: true } },
  'wildcard-two-labels': {
    trusted: false,
    ids: ['wildcard-mismatch'],
    node: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' },
  },
  'wildcard-bare-domain': {
    trusted: false,
    ids: ['wildcard-mismatch'],
    node: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' },
  },
  'wildcard-partial-label': {
    trusted: false,
    ids: ['wildcard-mismatch'],
    node: { authorized: true },
    difference:
      "Node accepts a partial-label wildcard such as 'reg*.contoso.com'; Go only honours '*' as the whole left-most label, so the pattern is compared literally and does not match.",
  },
  'ip-san': { trusted: true, ids: [], node: { authorized: true } },
  'ip-missing': { trusted: false, ids: ['ip-mismatch'], node: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' } },
  'eku-missing': { trusted: false, ids: ['eku-missing'], node: { error: 'INVALID_PURPOSE' } },
  'eku-nested-wrong': { trusted: false, ids: ['eku-not-allowed-by-ca'], node: { error: 'INVALID_PURPOSE' } },
  'eku-nested-ok': { trusted: true, ids: [], node: { authorized: true } },
  // Node's TLS client always checks the server purpose, so a client-authentication chain has no Node verdict here.
  'eku-client-purpose': { trusted: true, ids: [] },
  'path-length-exceeded': { trusted: false, ids: ['path-length-exceeded'], node: { error: 'PATH_LENGTH_EXCEEDED' } },
  'name-constraint-ok': { trusted: true, ids: [], node: { authorized: true } },
  'name-constraint-dns': {
    trusted: false,
    ids: ['name-constraint-violated'],
    node: { error: 'UNSPECIFIED', reason: /permitted subtree violation/ },
  },
  'name-constraint-ip': {
    trusted: false,
    ids: ['name-constraint-violated'],
    node: { error: 'UNSPECIFIED', reason: /permitted subtree violation/ },
  },
  'name-constraint-excluded': {
    trusted: false,
    ids: ['name-constraint-violated'],
    node: { error: 'UNSPECIFIED', reason: /excluded subtree violation/ },
  },
  'sha1-intermediate': {
    trusted: false,
    ids: ['sha1-signature'],
    node: { error: 'UNSPECIFIED', reason: /digest algorithm too weak/ },
  },
  'unknown-critical-extension-leaf': {
    trusted: false,
    ids: ['unknown-critical-extension'],
    node: { error: 'UNSPECIFIED', reason: /unhandled critical extension/ },
  },
  'unknown-critical-extension-intermediate': {
    trusted: false,
    ids: ['unknown-critical-extension'],
    node: { error: 'UNSPECIFIED', reason: /unhandled critical extension/ },
  },
  'intermediate-not-a-ca': {
    trusted: false,
    ids: ['not-a-ca'],
    // Same verdict; OpenSSL names the key usage (the generated non-CA has no keyCertSign) before the CA flag.
    node: { error: 'UNSPECIFIED', reason: /key usage does not include certificate signing/ },
  },
  'intermediate-without-keycertsign': {
    trusted: false,
    ids: ['issuer-key-usage'],
    node: { error: 'UNSPECIFIED', reason: /key usage does not include certificate signing/ },
  },
  'wrong-intermediate-same-name': {
    trusted: false,
    ids: ['signature-invalid'],
    node: { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
  },
  'rsa-key-too-small': {
    trusted: false,
    ids: ['rsa-key-too-small'],
    node: { error: 'UNSPECIFIED', reason: /key too weak/ },
  },
  'max-depth': {
    trusted: false,
    ids: ['max-depth-exceeded'],
    node: { authorized: true },
    difference:
      'The maximum depth is an option of this tool (ca-trust verify --max-depth 2); neither Go nor Node limits a 3-certificate chain.',
  },
  'cross-signed-only-cross-path-valid': {
    trusted: true,
    ids: [],
    node: { error: 'CERT_HAS_EXPIRED' },
    difference:
      "OpenSSL looks in the trust store first (X509_V_FLAG_TRUSTED_FIRST), finds the expired self-signed 'Contoso Root G2' and stops with that chain; Go builds every candidate path and uses the valid one through the cross-certificate to 'Contoso Root CA'.",
  },
  'cross-signed-expired-cross-cert-sent': { trusted: true, ids: [], node: { authorized: true } },
  'cross-signed-both-paths-fail': { trusted: false, ids: ['expired'], node: { error: 'CERT_HAS_EXPIRED' } },
};
