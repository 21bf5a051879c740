'use client';
import { useEffect, useMemo, useState } from 'react';
import { readCaBundle } from '@/lib/pki';
import { toClusterRow, type ClusterRow, type ClusterTrust } from '@/lib/inventory/cluster-row';
import type { ClusterSummary, TenantSummary } from '@/lib/clusters/types';
import type { SubscriptionLoad } from './use-inventory';

/** Decoding is keyed by the caBundle itself: fleets often trust the same CA list on many clusters. */
const trustCache = new Map<string, Promise<ClusterTrust>>();
/** The stream hands clusters that share a list one array: a lookup by identity skips joining the PEM texts. */
const trustByList = new WeakMap<readonly string[], Promise<ClusterTrust>>();
const TRUST_CACHE_LIMIT = 5_000;

const NO_CUSTOM_CAS: Promise<ClusterTrust> = Promise.resolve({ certificates: [], findings: [] });

function decodeTrust(caBundle: string[], now: Date): Promise<ClusterTrust> {
  // No list is a normal state (the feature is unused), not an empty input to complain about.
  if (caBundle.length === 0) return NO_CUSTOM_CAS;
  const known = trustByList.get(caBundle);
  if (known) return known;
  const key = caBundle.join('\u0000');
  let pending = trustCache.get(key);
  if (!pending) {
    if (trustCache.size >= TRUST_CACHE_LIMIT) trustCache.clear();
    pending = readCaBundle(caBundle, { now }).then(({ certificates, findings }) => ({ certificates, findings }));
    trustCache.set(key, pending);
  }
  trustByList.set(caBundle, pending);
  return pending;
}

/** A clock for relative times and expiry levels, ticking once a minute. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Rows are rebuilt only for clusters that changed (a streamed batch touches one subscription) or a new minute. */
const rowCache = new WeakMap<ClusterSummary, { trust: ClusterTrust; now: Date; tenantName: string; row: ClusterRow }>();

/** Inventory rows for every loaded cluster, with its CA list decoded by lib/pki in the browser. */
export function useClusterRows(
  subscriptions: SubscriptionLoad[],
  now: Date,
  tenants: readonly TenantSummary[] = [],
): ClusterRow[] {
  const [trustById, setTrustById] = useState<Map<string, ClusterTrust>>(new Map());
  const clusters = useMemo(
    () => subscriptions.flatMap((s) => s.clusters.map((cluster) => ({ cluster, subscription: s.summary }))),
    [subscriptions],
  );
  const tenantNames = useMemo(() => new Map(tenants.map((t) => [t.tenantId, t.displayName])), [tenants]);

  useEffect(() => {
    let cancelled = false;
    Promise.all(
      clusters.map(async ({ cluster }) => [cluster.id, await decodeTrust(cluster.caBundle, now)] as const),
    ).then((pairs) => {
      if (!cancelled) setTrustById(new Map(pairs));
    });
    return () => {
      cancelled = true;
    };
    // Expiry findings depend on the day, not the minute: decode again only when the clusters change.
  }, [clusters]); // eslint-disable-line react-hooks/exhaustive-deps

  return useMemo(
    () =>
      clusters.flatMap(({ cluster, subscription }) => {
        const trust = trustById.get(cluster.id);
        if (!trust) return [];
        const tenantName = tenantNames.get(subscription.tenantId) ?? subscription.tenantId;
        const cached = rowCache.get(cluster);
        if (cached && cached.trust === trust && cached.now === now && cached.tenantName === tenantName)
          return [cached.row];
        const row = toClusterRow(cluster, subscription, trust, now, tenantName);
        rowCache.set(cluster, { trust, now, tenantName, row });
        return [row];
      }),
    [clusters, trustById, now, tenantNames],
  );
}
