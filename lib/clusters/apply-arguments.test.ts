import { describe, expect, it } from 'vitest';
import { applyArgumentsSchema, MAX_PEM_CHARACTERS } from './apply-arguments';

const cluster = { subscriptionId: '00000000-aaaa-4000-8000-000000000001', resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' };
const pem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const issue = (args: unknown) => {
  const result = applyArgumentsSchema.safeParse(args);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('applyArgumentsSchema', () => {
  it('accepts a cluster, an eTag or null, and up to ten certificates (none = remove all)', () => {
    expect(issue({ cluster, eTag: 'a-b', certificates: [pem] })).toBeNull();
    expect(issue({ cluster, eTag: null, certificates: [] })).toBeNull();
    expect(issue({ cluster, eTag: null, certificates: Array(10).fill(pem) })).toBeNull();
  });

  it('refuses eleven certificates, an oversized one, an empty one, and a bad resource id', () => {
    expect(issue({ cluster, eTag: null, certificates: Array(11).fill(pem) })).toBe('AKS accepts at most 10 certificates.');
    expect(issue({ cluster, eTag: null, certificates: ['x'.repeat(MAX_PEM_CHARACTERS + 1)] })).toMatch(/longer than/);
    expect(issue({ cluster, eTag: null, certificates: [''] })).toBe('A certificate is empty.');
    expect(issue({ cluster: { ...cluster, subscriptionId: '../../tenants' }, eTag: null, certificates: [] })).toBe('A subscription id is a GUID.');
    expect(issue({ cluster: { ...cluster, name: 'a/b' }, eTag: null, certificates: [] })).toMatch(/cluster name/);
  });
});
