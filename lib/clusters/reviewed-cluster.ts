/**
 * Concurrency without eTags (azure-facts §13: real bodies carry none). The browser sends what the user reviewed
 * (the cluster's CA fingerprints, its state, its eTag if ARM gave one); right before the PUT the server reads the
 * cluster again and compares. Fingerprints are the SHA-256 of each certificate's DER, as lib/pki computes it, so
 * order and encoding do not count; an entry lib/pki cannot read counts by the SHA-256 of its text. Pure, isomorphic.
 */
import { readCaBundle } from '../pki';

/** An entry lib/pki could not read: its own text's hash, so a change to it still shows. */
const UNREADABLE_PREFIX = 'entry:';

/** What the browser sends back with apply; the server checks it with reviewed-cluster-schema.ts. */
export interface ReviewedCluster {
  caFingerprints: string[];
  provisioningState: string;
  powerState: string | null;
  eTag: string | null;
}

/** What of a cluster the review depends on, as the dashboard reads it (ClusterSummary fits). */
export interface ClusterState {
  caBundle: string[];
  provisioningState: string;
  powerState: string | null;
  eTag: string | null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Each caBundle entry's fingerprint in ARM's order (repeats kept; an entry holding several certificates gives each):
 * lib/pki's SHA-256 of the DER, or `entry:` + the SHA-256 of the text for an entry lib/pki cannot read.
 */
export async function caBundleSha256(caBundle: string[], now = new Date()): Promise<string[]> {
  if (caBundle.length === 0) return [];
  const { certificates } = await readCaBundle(caBundle, { now });
  const perEntry = await Promise.all(
    caBundle.map(async (entry, index) => {
      const read = certificates.filter((c) => c.source.file === `entry ${index + 1}`);
      return read.length > 0 ? read.map((c) => c.sha256.toLowerCase()) : [UNREADABLE_PREFIX + (await sha256Hex(entry))];
    }),
  );
  return perEntry.flat();
}

/** Sorted, distinct fingerprints of a cluster's caBundle. */
export async function caFingerprints(caBundle: string[], now = new Date()): Promise<string[]> {
  return [...new Set(await caBundleSha256(caBundle, now))].sort();
}

export async function reviewedCluster(cluster: ClusterState): Promise<ReviewedCluster> {
  return {
    caFingerprints: await caFingerprints(cluster.caBundle),
    provisioningState: cluster.provisioningState,
    powerState: cluster.powerState,
    eTag: cluster.eTag,
  };
}

const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * What changed between the review and the cluster read now, in words; null when nothing did. An eTag counts only
 * when both sides have one (ARM may give it on some reads and not on others).
 */
export async function changeSinceReview(reviewed: ReviewedCluster, now: ClusterState): Promise<string | null> {
  const changes: string[] = [];
  const fingerprints = await caFingerprints(now.caBundle);
  const before = new Set(reviewed.caFingerprints.map((value) => value.toLowerCase()));
  if (fingerprints.length !== before.size || fingerprints.some((value) => !before.has(value)))
    changes.push('its CA list changed');
  if (!same(reviewed.provisioningState, now.provisioningState))
    changes.push(`its state went from ${reviewed.provisioningState} to ${now.provisioningState}`);
  if (!same(reviewed.powerState, now.powerState))
    changes.push(`its power state went from ${reviewed.powerState ?? 'unknown'} to ${now.powerState ?? 'unknown'}`);
  if (reviewed.eTag && now.eTag && reviewed.eTag !== now.eTag) changes.push('its eTag changed');
  return changes.length > 0 ? changes.join(', ') : null;
}

/** Which protection a write of this cluster gets, for the review and the confirm dialog. */
export type ConcurrencyProtection = 'etag' | 'compare';

export const concurrencyProtection = (cluster: Pick<ClusterState, 'eTag'>): ConcurrencyProtection =>
  cluster.eTag ? 'etag' : 'compare';

/** The review's and the confirm dialog's words for each protection: what it does and, honestly, what it does not. */
export const PROTECTION_TEXT: Record<ConcurrencyProtection, { label: string; detail: string }> = {
  etag: {
    label: 'eTag (If-Match)',
    detail: 'Azure refuses the write if the cluster changed since you loaded it.',
  },
  compare: {
    label: 'compared right before the write',
    detail:
      'Azure gave no eTag for this cluster, so the server reads it again just before sending and stops if its CA list or state differ from what you reviewed. A change in the last instant before the write is not detected.',
  },
};
