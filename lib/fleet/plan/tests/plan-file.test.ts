/** The plan file: a plan survives the round trip, and every kind of damage gets one sentence saying what and where. */
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../../../emulator/certs';
import { planFleetChange } from '../plan';
import { parsePlanFile, serializePlan } from '../plan-file';
import type { FleetPlan } from '../types';
import { NOW, cas, cluster, sha256Of, windowsPool } from './plan-fixtures';

let plan: FleetPlan;
let text: string;
beforeAll(async () => {
  const c = await cas();
  plan = await planFleetChange({
    clusters: [
      cluster('aks-a', [c.root, c.expiring]),
      cluster('aks-b', [c.expiring], { powerState: 'Stopped' }),
      cluster('aks-w', [c.expiring], { agentPools: [windowsPool('win', 2)] }),
    ],
    change: { kind: 'replace', from: sha256Of(c.expiring), to: c.successor },
    target: {},
    now: NOW,
  });
  text = serializePlan(plan);
});

/** The file's JSON changed by `edit`, as text. */
function damaged(edit: (json: FleetPlan) => void): string {
  const json = JSON.parse(text) as FleetPlan;
  edit(json);
  return JSON.stringify(json);
}

async function refusal(input: string): Promise<string> {
  const result = await parsePlanFile(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('plan file', () => {
  it('round-trips', async () => {
    const result = await parsePlanFile(text);
    expect(result).toEqual({ ok: true, plan });
    expect(text.endsWith('}\n')).toBe(true);
    expect(plan.totals).toMatchObject({ clusters: 3, toApply: 1, blocked: 2 });
  });

  it('refuses what is not a plan, with what and where', async () => {
    expect(await refusal('{')).toMatch(/^This plan file cannot be used: it is not JSON/);
    expect(await refusal('[]')).toMatch(/the file: /);
    expect(await refusal(damaged((p) => ((p as { v: number }).v = 2)))).toMatch(/v: /);
    expect(
      await refusal(damaged((p) => (p.clusters[1]!.block = { reason: 'bored' as 'windows-only', message: '' }))),
    ).toMatch(/clusters\[1\]\.block\.reason/);
    expect(await refusal(damaged((p) => (p.clusters[0]!.after[0] = 'ABC')))).toMatch(
      /clusters\[0\]\.after\[0\]: must be a SHA-256/,
    );
    expect(await refusal(damaged((p) => ((p as unknown as Record<string, unknown>).extra = 1)))).toMatch(
      /extra|Unrecognized/i,
    );
  });

  it('checks fingerprints, diffs and totals against the content', async () => {
    const [first, second] = Object.keys(plan.certificates) as [string, string];
    expect(
      await refusal(
        damaged((p) => {
          const a = p.certificates[first]!;
          p.certificates[first] = p.certificates[second]!;
          p.certificates[second] = a;
        }),
      ),
    ).toMatch(/certificates\.[0-9a-f]{64} holds the certificate [0-9a-f]{64}: the key must be its SHA-256/);
    expect(await refusal(damaged((p) => delete p.certificates[p.clusters[0]!.after[1]!]))).toMatch(
      /clusters\[0\] \(aks-a\)\.after\[1\] names [0-9a-f]{64}, which is not in "certificates"/,
    );
    expect(await refusal(damaged((p) => (p.clusters[0]!.added = [])))).toMatch(/"added" and "removed" do not match/);
    expect(await refusal(damaged((p) => (p.totals.toApply = 3)))).toMatch(
      /totals\.toApply is 3 but the clusters add up to 1/,
    );
    expect(await refusal(damaged((p) => (p.totals.blockedBy = { 'cluster-stopped': 2 })))).toMatch(/totals\.blockedBy/);
    expect(await refusal(damaged((p) => (p.clusters[0]!.machinesReplaced = 1)))).toMatch(/machinesReplaced is 1/);
    expect(await refusal(damaged((p) => p.clusters.push(p.clusters[0]!)))).toMatch(/listed twice|totals/);
    expect(
      await refusal(
        damaged((p) => (p.certificates[first] = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')),
      ),
    ).toMatch(/is not one readable certificate/);
  });

  it('refuses a private key anywhere in the file, without echoing it', async () => {
    const issued = await issueCertificate({ subject: 'CN=Leaky CA', isCA: true });
    const message = await refusal(damaged((p) => (p.certificates[Object.keys(p.certificates)[0]!] += issued.keyPem)));
    expect(message).toMatch(/private key/);
    expect(message).not.toContain(issued.keyPem.split('\n')[1]!);
  });
});
