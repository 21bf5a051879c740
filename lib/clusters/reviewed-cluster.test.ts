import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixtures } from '../pki/tests/fixtures';
import {
  caFingerprints,
  changeSinceReview,
  concurrencyProtection,
  reviewedCluster,
  type ClusterState,
} from './reviewed-cluster';
import { reviewedClusterSchema } from './reviewed-cluster-schema';

let fx: Fixtures;
let rsa: string;
let ec: string;
beforeAll(async () => {
  fx = await loadFixtures();
  rsa = fx.text('rsa-root.pem');
  ec = fx.text('ec-root.pem');
});

const state = (patch: Partial<ClusterState>): ClusterState => ({
  caBundle: [rsa, ec],
  provisioningState: 'Succeeded',
  powerState: 'Running',
  eTag: null,
  ...patch,
});
const withCrlf = (pem: string) => pem.replace(/\n/g, '\r\n');

describe('caFingerprints', () => {
  it('is the sorted SHA-256 of each DER: order, line endings and duplicates do not count', async () => {
    const a = await caFingerprints([rsa, ec]);
    expect(a).toHaveLength(2);
    expect(a.every((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);
    expect(await caFingerprints([withCrlf(ec), rsa, rsa])).toEqual(a);
    expect(await caFingerprints([])).toEqual([]);
  });

  it('an entry lib/pki cannot read counts by its own text', async () => {
    const [broken] = await caFingerprints(['not a certificate']);
    expect(broken).toMatch(/^entry:[0-9a-f]{64}$/);
    expect(await caFingerprints(['not a certificate either'])).not.toEqual([broken]);
  });
});

describe('changeSinceReview', () => {
  it('nothing changed: the same certificates in another order and encoding, the state in another case', async () => {
    const reviewed = await reviewedCluster(state({}));
    expect(reviewedClusterSchema.parse(reviewed)).toEqual(reviewed);
    expect(
      await changeSinceReview(reviewed, state({ caBundle: [ec, withCrlf(rsa)], provisioningState: 'succeeded' })),
    ).toBeNull();
  });

  it('names each difference: CA added, removed or replaced, state, power state, eTag', async () => {
    const reviewed = await reviewedCluster(state({ eTag: 'e1' }));
    expect(await changeSinceReview(reviewed, state({ caBundle: [rsa] }))).toBe('its CA list changed');
    expect(await changeSinceReview(reviewed, state({ caBundle: [rsa, ec, fx.text('intermediate.pem')] }))).toBe(
      'its CA list changed',
    );
    expect(await changeSinceReview(reviewed, state({ caBundle: [rsa, 'garbage'] }))).toBe('its CA list changed');
    expect(await changeSinceReview(reviewed, state({ provisioningState: 'Updating' }))).toBe(
      'its state went from Succeeded to Updating',
    );
    expect(await changeSinceReview(reviewed, state({ powerState: 'Stopped' }))).toBe(
      'its power state went from Running to Stopped',
    );
    expect(await changeSinceReview(reviewed, state({ eTag: 'e2' }))).toBe('its eTag changed');
    expect(await changeSinceReview(reviewed, state({ caBundle: [], provisioningState: 'Failed' }))).toBe(
      'its CA list changed, its state went from Succeeded to Failed',
    );
  });

  it('an eTag counts only when both sides have one', async () => {
    expect(
      await changeSinceReview(await reviewedCluster(state({ eTag: null })), state({ eTag: 'now-there' })),
    ).toBeNull();
    expect(await changeSinceReview(await reviewedCluster(state({ eTag: 'e1' })), state({ eTag: null }))).toBeNull();
  });
});

describe('reviewedClusterSchema', () => {
  it('refuses what is not a fingerprint, and oversized values', () => {
    const ok = {
      caFingerprints: ['a'.repeat(64), `entry:${'b'.repeat(64)}`],
      provisioningState: 'Succeeded',
      powerState: null,
      eTag: null,
    };
    expect(reviewedClusterSchema.safeParse(ok).success).toBe(true);
    expect(reviewedClusterSchema.safeParse({ ...ok, caFingerprints: ['xyz'] }).error?.issues[0]?.message).toBe(
      'A CA fingerprint is a SHA-256 in hex.',
    );
    expect(reviewedClusterSchema.safeParse({ ...ok, caFingerprints: [`x-entry:${'b'.repeat(64)}`] }).success).toBe(
      false,
    );
    expect(reviewedClusterSchema.safeParse({ ...ok, eTag: 'e'.repeat(257) }).success).toBe(false);
    expect(reviewedClusterSchema.safeParse({ ...ok, provisioningState: '' }).success).toBe(false);
  });
});

describe('concurrencyProtection', () => {
  it('is the eTag when ARM gave one, else the comparison', () => {
    expect(concurrencyProtection({ eTag: 'x' })).toBe('etag');
    expect(concurrencyProtection({ eTag: null })).toBe('compare');
  });
});
