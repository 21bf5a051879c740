'use client';
import { useEffect, useMemo, useState } from 'react';
import { readCaBundle } from '@/lib/pki';
import { toFleetCluster, type FleetCertificate, type FleetCluster } from '@/lib/fleet';
import type { FleetLoadState } from './use-fleet-load';

/** Decoding is keyed by the caBundle itself: fleets trust the same CA list on many clusters. */
const decoded = new Map<string, Promise<FleetCertificate[]>>();
const CACHE_LIMIT = 5_000;
const NONE: Promise<FleetCertificate[]> = Promise.resolve([]);

function decode(caBundle: string[], now: Date): Promise<FleetCertificate[]> {
  if (caBundle.length === 0) return NONE;
  const key = caBundle.join('\u0000');
  let pending = decoded.get(key);
  if (!pending) {
    if (decoded.size >= CACHE_LIMIT) decoded.clear();
    pending = readCaBundle(caBundle, { now }).then((result) => result.certificates);
    decoded.set(key, pending);
  }
  return pending;
}

/** Every loaded cluster of every tenant with its CAs decoded by lib/pki in the browser. */
export function useFleetClusters(state: FleetLoadState, now: Date): { clusters: FleetCluster[]; decoding: boolean } {
  const loaded = useMemo(
    () =>
      state.tenants.flatMap(({ tenant, subscriptions }) =>
        subscriptions.flatMap((s) =>
          s.clusters.map((cluster) => ({
            cluster,
            where: {
              tenantId: tenant.tenantId,
              tenantName: tenant.displayName,
              subscriptionName: s.summary.displayName,
            },
          })),
        ),
      ),
    [state.tenants],
  );
  const [clusters, setClusters] = useState<{ from: typeof loaded; value: FleetCluster[] }>({ from: [], value: [] });

  useEffect(() => {
    let cancelled = false;
    void Promise.all(
      loaded.map(async ({ cluster, where }) => toFleetCluster(cluster, where, await decode(cluster.caBundle, now))),
    ).then((value) => {
      if (!cancelled) setClusters({ from: loaded, value });
    });
    return () => {
      cancelled = true;
    };
    // Certificates do not change with the clock: decode again only when the clusters do.
  }, [loaded]); // eslint-disable-line react-hooks/exhaustive-deps

  return { clusters: clusters.value, decoding: clusters.from !== loaded };
}
