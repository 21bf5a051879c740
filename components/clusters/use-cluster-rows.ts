'use client';
import { useEffect, useMemo, useState } from 'react';
import { readAksEntries } from '@/lib/pki';
import { toClusterRow, type ClusterRow, type ClusterTrust } from '@/lib/inventory/cluster-row';
import type { SubscriptionLoad } from './use-inventory';

/** Decoding is keyed by the entries themselves: fleets often trust the same CA list on many clusters. */
const trustCache = new Map<string, Promise<ClusterTrust>>();
const TRUST_CACHE_LIMIT = 5_000;

const NO_CUSTOM_CAS: Promise<ClusterTrust> = Promise.resolve({ certificates: [], findings: [] });

function decodeTrust(entries: string[], now: Date): Promise<ClusterTrust> {
  // No list is a normal state (the feature is unused), not an empty input to complain about.
  if (entries.length === 0) return NO_CUSTOM_CAS;
  const key = entries.join('\u0000');
  let pending = trustCache.get(key);
  if (!pending) {
    if (trustCache.size >= TRUST_CACHE_LIMIT) trustCache.clear();
    pending = readAksEntries(entries, { now }).then(({ certificates, findings }) => ({ certificates, findings }));
    trustCache.set(key, pending);
  }
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

/** Inventory rows for every loaded cluster, with its CA list decoded by lib/pki in the browser. */
export function useClusterRows(subscriptions: SubscriptionLoad[], now: Date): ClusterRow[] {
  const [trustById, setTrustById] = useState<Map<string, ClusterTrust>>(new Map());
  const clusters = useMemo(
    () => subscriptions.flatMap((s) => s.clusters.map((cluster) => ({ cluster, subscription: s.summary }))),
    [subscriptions],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all(
      clusters.map(async ({ cluster }) => [cluster.id, await decodeTrust(cluster.caEntries, now)] as const),
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
        return trust ? [toClusterRow(cluster, subscription, trust, now)] : [];
      }),
    [clusters, trustById, now],
  );
}
