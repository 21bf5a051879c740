/** Which clusters of the loaded fleet a change is for (FleetTarget): every field given must match. Pure. */
import { normalizeSha256 } from '../search';
import type { FleetClusterRef } from '../types';
import type { FleetChange, FleetTarget } from './types';

/** A glob on the whole name: `*` any run of characters, `?` one character, case-insensitive. */
export function nameGlob(glob: string): RegExp {
  const source = [...glob.trim()]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** The target as the plan stores it: fingerprints lower-case without separators, empty fields left out. */
export function normalizeTarget(target: FleetTarget): FleetTarget {
  const out: FleetTarget = {};
  const trusts = target.trusts && (normalizeSha256(target.trusts) ?? target.trusts.trim().toLowerCase());
  const missing = target.missing && (normalizeSha256(target.missing) ?? target.missing.trim().toLowerCase());
  if (trusts) out.trusts = trusts;
  if (missing) out.missing = missing;
  if (target.tenantId?.trim()) out.tenantId = target.tenantId.trim();
  if (target.subscriptionId?.trim()) out.subscriptionId = target.subscriptionId.trim();
  if (target.name?.trim()) out.name = target.name.trim();
  if (target.clusterIds) out.clusterIds = [...target.clusterIds];
  return out;
}

/**
 * The target a change implies: a rotation is for the clusters that trust the CA it replaces, so unless the caller
 * chose by fingerprint or by cluster id, `trusts: from` is added (the others would have nothing to change). Any other
 * change stays as it is. The CLI and the page both ask this.
 */
export function defaultTarget(change: FleetChange, target: FleetTarget): FleetTarget {
  const chosen = target.trusts?.trim() || target.missing?.trim() || target.clusterIds;
  return change.kind === 'replace' && !chosen ? { ...target, trusts: change.from.toLowerCase() } : target;
}

/** A predicate over clusters, given each cluster's bundle as SHA-256s (lower-case). */
export function targetMatcher(
  target: FleetTarget,
): (cluster: FleetClusterRef, bundleSha256: ReadonlySet<string>) => boolean {
  const t = normalizeTarget(target);
  const glob = t.name ? nameGlob(t.name) : null;
  const ids = t.clusterIds ? new Set(t.clusterIds.map((id) => id.toLowerCase())) : null;
  const tenant = t.tenantId?.toLowerCase();
  const subscription = t.subscriptionId?.toLowerCase();
  return (cluster, bundle) =>
    (!tenant || cluster.tenantId.toLowerCase() === tenant) &&
    (!subscription || cluster.subscriptionId.toLowerCase() === subscription) &&
    (!glob || glob.test(cluster.name)) &&
    (!ids || ids.has(cluster.id.toLowerCase())) &&
    (!t.trusts || bundle.has(t.trusts)) &&
    (!t.missing || !bundle.has(t.missing));
}
