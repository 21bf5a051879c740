/**
 * The path-validation engine against generated chains for every failure kind, each compared with Node's own
 * verdict (OpenSSL's chain check plus tls.checkServerIdentity) on a local TLS server serving the same chain.
 * Where the two differ, `difference` says why: the engine follows Go's crypto/x509 (what containerd and
 * kubelet use), Node follows OpenSSL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../verify-path';
import { nodeVerdict, type NodeVerdict } from './node-tls';
import { expectations, type Expectation } from './expectations';
import { makeScenarios, type Scenario } from './scenarios';

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
