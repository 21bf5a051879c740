'use client';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { readCaBundle } from '@/lib/pki';
import { toClusterRow, type ClusterRow, type ClusterTrust } from '@/lib/inventory/cluster-row';
import type { ClusterSummary, TenantSummary } from '@/lib/clusters/types';
import type { SubscriptionLoad } from './use-inventory';

/** Decoded CA lists by their text: fleets often trust the same CA list on many clusters. */
const trustByText = new Map<string, ClusterTrust>();
/** The stream hands clusters that share a list one array: a lookup by identity skips joining the PEM texts. */
const trustByList = new WeakMap<readonly string[], ClusterTrust>();
const decoding = new Map<string, Promise<void>>();
const TRUST_CACHE_LIMIT = 5_000;

const NO_CUSTOM_CAS: ClusterTrust = { certificates: [], findings: [] };
const listKey = (caBundle: readonly string[]) => caBundle.join('\u0000');

/** The decoded list when it is known already: no await, so a known list's row renders in the same pass. */
function knownTrust(caBundle: readonly string[]): ClusterTrust | undefined {
  // No list is a normal state (the feature is unused), not an empty input to complain about.
  if (caBundle.length === 0) return NO_CUSTOM_CAS;
  const byList = trustByList.get(caBundle);
  if (byList) return byList;
  const byText = trustByText.get(listKey(caBundle));
  if (byText) trustByList.set(caBundle, byText);
  return byText;
}

function decodeTrust(caBundle: readonly string[], now: Date): Promise<void> {
  const key = listKey(caBundle);
  let pending = decoding.get(key);
  if (!pending) {
    pending = readCaBundle([...caBundle], { now })
      .then(({ certificates, findings }) => {
        if (trustByText.size >= TRUST_CACHE_LIMIT) trustByText.clear();
        trustByText.set(key, { certificates, findings });
      })
      .finally(() => decoding.delete(key));
    decoding.set(key, pending);
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

/** Rows are rebuilt only for clusters that changed (a streamed batch touches one subscription) or a new minute. */
const rowCache = new WeakMap<ClusterSummary, { trust: ClusterTrust; now: Date; tenantName: string; row: ClusterRow }>();

/**
 * Inventory rows for every loaded cluster, with its CA list decoded by lib/pki in the browser. A cluster whose list
 * is decoded already gets its row in the same render; lists not seen before are decoded after it, and their rows
 * follow in a transition (React renders it in slices, so a streamed fleet never blocks the page for long).
 */
export function useClusterRows(
  subscriptions: SubscriptionLoad[],
  now: Date,
  tenants: readonly TenantSummary[] = [],
): ClusterRow[] {
  // Bumped when lists finish decoding: the rows are read again from the caches above.
  const [decodedLists, setDecodedLists] = useState(0);
  const tenantNames = useMemo(() => new Map(tenants.map((t) => [t.tenantId, t.displayName])), [tenants]);

  const { rows, undecoded } = useMemo(() => {
    const rows: ClusterRow[] = [];
    const undecoded = new Set<readonly string[]>();
    for (const { summary: subscription, clusters } of subscriptions) {
      // A subscription's rows come together, as its batch did: rows trickling in list by list would push the
      // ones below them and then be moved again by the sort.
      const waiting = clusters.filter((cluster) => !knownTrust(cluster.caBundle));
      if (waiting.length > 0) {
        for (const cluster of waiting) undecoded.add(cluster.caBundle);
        continue;
      }
      const tenantName = tenantNames.get(subscription.tenantId) ?? subscription.tenantId;
      for (const cluster of clusters) {
        const trust = knownTrust(cluster.caBundle)!;
        const cached = rowCache.get(cluster);
        if (cached && cached.trust === trust && cached.now === now && cached.tenantName === tenantName) {
          rows.push(cached.row);
          continue;
        }
        const row = toClusterRow(cluster, subscription, trust, now, tenantName);
        rowCache.set(cluster, { trust, now, tenantName, row });
        rows.push(row);
      }
    }
    return { rows, undecoded: [...undecoded] };
    // The decoded lists live in the module's caches; decodedLists says they grew.
  }, [subscriptions, now, tenantNames, decodedLists]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (undecoded.length === 0) return;
    let cancelled = false;
    void Promise.all(undecoded.map((list) => decodeTrust(list, now))).then(() => {
      if (!cancelled) startTransition(() => setDecodedLists((n) => n + 1));
    });
    return () => {
      cancelled = true;
    };
    // Expiry findings depend on the day, not the minute: decode when new lists arrive, not when the clock ticks.
  }, [undecoded]); // eslint-disable-line react-hooks/exhaustive-deps

  return rows;
}
