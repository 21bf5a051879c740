import { describe, expect, it } from 'vitest';
import { applyArgumentsSchema, MAX_PEM_CHARACTERS } from './apply-arguments';

const cluster = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-web-prod',
  name: 'aks-web-prod-neu',
};
const reviewed = {
  caFingerprints: ['0'.repeat(64)],
  provisioningState: 'Succeeded',
  powerState: 'Running',
  eTag: null,
};
const pem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const issue = (args: unknown) => {
  const result = applyArgumentsSchema.safeParse(args);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('applyArgumentsSchema', () => {
  it('accepts a cluster, what was reviewed (eTag or null), and up to ten certificates (none = remove all)', () => {
    expect(issue({ cluster, reviewed: { ...reviewed, eTag: 'a-b' }, certificates: [pem] })).toBeNull();
    expect(issue({ cluster, reviewed, certificates: [] })).toBeNull();
    expect(
      issue({
        cluster,
        reviewed: { ...reviewed, caFingerprints: [], powerState: null },
        certificates: Array(10).fill(pem),
      }),
    ).toBeNull();
  });

  it('refuses eleven certificates, an oversized one, an empty one, a bad resource id, a missing or bad review', () => {
    expect(issue({ cluster, reviewed, certificates: Array(11).fill(pem) })).toBe(
      'AKS accepts at most 10 certificates.',
    );
    expect(issue({ cluster, reviewed, certificates: ['x'.repeat(MAX_PEM_CHARACTERS + 1)] })).toMatch(/longer than/);
    expect(issue({ cluster, reviewed, certificates: [''] })).toBe('A certificate is empty.');
    expect(issue({ cluster: { ...cluster, subscriptionId: '../../tenants' }, reviewed, certificates: [] })).toBe(
      'A subscription id is a GUID.',
    );
    expect(issue({ cluster: { ...cluster, name: 'a/b' }, reviewed, certificates: [] })).toMatch(/cluster name/);
    expect(issue({ cluster, certificates: [] })).not.toBeNull();
    expect(issue({ cluster, reviewed: { ...reviewed, caFingerprints: ['AA:BB'] }, certificates: [] })).toBe(
      'A CA fingerprint is a SHA-256 in hex.',
    );
    expect(issue({ cluster, reviewed: { ...reviewed, eTag: 'x'.repeat(300) }, certificates: [] })).toBe(
      'The eTag is too long.',
    );
  });
});
