/**
 * The path-validation engine against generated chains for every failure kind, each compared with Node's own
 * verdict (OpenSSL's chain check plus tls.checkServerIdentity) on a local TLS server serving the same chain.
 * Where the two differ, `difference` says why: the engine follows Go's crypto/x509 (what containerd and
 * kubelet use), Node follows OpenSSL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../verify-path';
import { nodeVerdict, type NodeVerdict } from './node-tls';
import { makeScenarios, type Scenario } from './scenarios';

interface Expectation {
  trusted: boolean;
  /** Error finding ids the engine must report (exactly these, in any order). */
  ids: string[];
  /** Node's verdict: authorized, or the authorizationError code and OpenSSL's reason text. */
  node?: { authorized: true } | { error: string; reason?: RegExp };
  /** Why the engine (Go) and Node (OpenSSL) disagree, when they do. */
  difference?: string;
}

const expectations: Record<string, Expectation> = {
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

let scenarios: Record<string, Scenario>;

beforeAll(async () => {
  scenarios = await makeScenarios();
}, 120_000);

const run = (scenario: Scenario) =>
  verifyChain({
    chain: scenario.chain,
    anchors: scenario.anchors,
    at: new Date(),
    host: scenario.host,
    purpose: scenario.purpose,
    maxDepth: scenario.maxDepth,
  });

function nodeMatches(verdict: NodeVerdict, expected: NonNullable<Expectation['node']>): boolean {
  if ('authorized' in expected) return verdict.authorized;
  return (
    !verdict.authorized &&
    verdict.error === expected.error &&
    (!expected.reason || expected.reason.test(verdict.reason ?? ''))
  );
}

describe('path validation (Go rules) against generated chains, compared with Node', () => {
  it('covers every generated scenario', () => {
    expect(Object.keys(expectations).sort()).toEqual(Object.keys(scenarios).sort());
  });

  for (const [name, expected] of Object.entries(expectations)) {
    it(name, async () => {
      const scenario = scenarios[name]!;
      const result = await run(scenario);
      const errors = result.findings.filter((finding) => finding.severity === 'error');
      expect({ trusted: result.trusted, ids: errors.map((finding) => finding.id).sort() }).toEqual({
        trusted: expected.trusted,
        ids: [...expected.ids].sort(),
      });
      for (const finding of result.findings) expect(finding.message).toMatch(/: .+\.$|\)\.$/);
      expect(result.path.length).toBeGreaterThan(0);
      expect(result.path[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (!expected.node) return;
      const isIp = scenario.host === '127.0.0.1';
      const verdict = await nodeVerdict(scenario, scenario.anchors, { servername: isIp ? undefined : scenario.host });
      expect(nodeMatches(verdict, expected.node), JSON.stringify(verdict)).toBe(true);
      // Every disagreement between the engine and Node is explained above.
      const agree = verdict.authorized === result.trusted;
      expect(
        agree || expected.difference !== undefined,
        `${name}: engine and Node disagree without an explanation`,
      ).toBe(true);
      if (agree) expect(expected.difference).toBeUndefined();
    });
  }

  it('names the missing intermediate and says what to do', async () => {
    const result = await run(scenarios['missing-intermediate']!);
    expect(result.findings.find((finding) => finding.id === 'missing-intermediate')?.message).toBe(
      "The server sends no intermediate: add 'Contoso Issuing CA 2' to its chain, or trust it (add it to the bundle).",
    );
  });

  it('trusts the cross-signed path and reports the path used, leaf first', async () => {
    const result = await run(scenarios['cross-signed-only-cross-path-valid']!);
    expect(result.path.map((entry) => [entry.displayName, entry.role])).toEqual([
      ['registry.contoso.com', 'leaf'],
      ['Contoso Issuing CA G2', 'intermediate'],
      ['Contoso Root G2', 'intermediate'],
      ['Contoso Root CA', 'root'],
    ]);
    const note = result.findings.find((finding) => finding.id === 'other-paths-fail');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain("'Contoso Root G2' expired");
  });

  it('is plain data (crosses a server-action boundary unchanged)', async () => {
    const result = await run(scenarios['expired-intermediate']!);
    expect(structuredClone(result)).toEqual(result);
    expect(result.findings[0]!.message).toMatch(
      /^The intermediate 'Contoso Issuing CA 1' expired on \d{4}-\d{2}-\d{2}: /,
    );
  });

  it('judges validity at the given time (a chain valid today is expired in three years)', async () => {
    const scenario = scenarios['valid']!;
    const later = await verifyChain({
      chain: scenario.chain,
      anchors: scenario.anchors,
      at: new Date(Date.now() + 3 * 365 * 86_400_000),
      host: scenario.host,
    });
    expect(later.trusted).toBe(false);
    expect(later.findings.map((finding) => finding.id)).toContain('expired');
  });

  it('reports unreadable input and an empty bundle instead of throwing', async () => {
    const scenario = scenarios['valid']!;
    const result = await verifyChain({ chain: ['not a certificate'], anchors: [], at: new Date() });
    expect(result.trusted).toBe(false);
    expect(result.findings.map((finding) => finding.id)).toContain('no-peer-certificate');
    const empty = await verifyChain({ chain: scenario.chain, anchors: [], at: new Date(), host: scenario.host });
    expect(empty.findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['empty-bundle', 'missing-intermediate']),
    );
  });
});
