'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '@/lib/action-result';
import type { ClusterRef, ClusterSummary } from '@/lib/clusters/types';
import { isOperationRunning } from '@/lib/clusters/apply-gate';
import { getCluster } from '@/app/actions/cluster';
import { useAuth } from '@/components/auth/auth-context';
import { toClientError } from './client-error';

export type ClusterLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ActionError }
  | { status: 'loaded'; cluster: ClusterSummary; loadedAt: Date; refreshing: boolean; refreshError?: ActionError };

/** While an operation runs, the page re-reads the cluster this often to show when it ends. */
const RUNNING_REFRESH_MS = 5000;

type ClusterResult = Awaited<ReturnType<typeof getCluster>>;

const LOADING: ClusterLoad = { status: 'loading' };

/** One cluster, read with a token for its tenant. A reload keeps the cluster on screen until the new one arrives. */
export function useCluster({ subscriptionId, resourceGroup, name }: ClusterRef, tenantId: string | undefined) {
  const { getArmToken } = useAuth();
  const key = tenantId ? `${tenantId}/${subscriptionId}/${resourceGroup}/${name}` : null;
  // The load remembers which cluster it is for: another cluster or tenant reads as loading until its own arrives.
  const [stored, setStored] = useState<{ key: string; load: ClusterLoad } | null>(null);
  const load: ClusterLoad = stored && stored.key === key ? stored.load : LOADING;
  const generation = useRef(0);

  const fetchCluster = useCallback(async (): Promise<ClusterResult> => {
    try {
      return await getCluster(await getArmToken(tenantId), { subscriptionId, resourceGroup, name });
    } catch (cause) {
      // MSAL needing the user (SignInRequired) is shown as "Sign in again"; nothing navigates by itself.
      return { ok: false, error: toClientError(cause, 'ClusterLoadFailed') };
    }
  }, [getArmToken, tenantId, subscriptionId, resourceGroup, name]);

  const settle = useCallback(
    (run: number, result: ClusterResult): ClusterSummary | null => {
      if (!key || run !== generation.current) return null;
      if (result.ok) {
        setStored({ key, load: { status: 'loaded', cluster: result.data, loadedAt: new Date(), refreshing: false } });
        return result.data;
      }
      const error = result.error;
      setStored((previous) =>
        previous?.key === key && previous.load.status === 'loaded'
          ? { key, load: { ...previous.load, refreshing: false, refreshError: error } }
          : { key, load: { status: 'failed', error } },
      );
      return null;
    },
    [key],
  );

  const read = useCallback((): Promise<ClusterSummary | null> => {
    if (!key) return Promise.resolve(null);
    const run = ++generation.current;
    return fetchCluster().then((result) => settle(run, result));
  }, [key, fetchCluster, settle]);

  /** Reads again, keeping the cluster on screen (marked refreshing) until the new one arrives. */
  const reload = useCallback((): Promise<ClusterSummary | null> => {
    if (key)
      setStored((previous) =>
        previous?.key === key && previous.load.status === 'loaded'
          ? { key, load: { ...previous.load, refreshing: true } }
          : { key, load: LOADING },
      );
    return read();
  }, [key, read]);

  useEffect(() => {
    void read();
    const runs = generation;
    return () => {
      runs.current++; // an answer that arrives after this cluster was left is dropped
    };
  }, [read]);

  const running = load.status === 'loaded' && isOperationRunning(load.cluster.provisioningState);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), RUNNING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  return { load, reload };
}
