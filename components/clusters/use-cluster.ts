'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '@/lib/action-result';
import type { ClusterSummary } from '@/lib/azure/models';
import type { ClusterRef } from '@/lib/azure/resource-names';
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

/** One cluster, read with a token for its tenant. A reload keeps the cluster on screen until the new one arrives. */
export function useCluster({ subscriptionId, resourceGroup, name }: ClusterRef, tenantId: string | undefined) {
  const { getArmToken } = useAuth();
  const [load, setLoad] = useState<ClusterLoad>({ status: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<ClusterSummary | null> => {
    if (!tenantId) return null;
    const run = ++generation.current;
    setLoad((previous) => (previous.status === 'loaded' ? { ...previous, refreshing: true } : { status: 'loading' }));
    let result: Awaited<ReturnType<typeof getCluster>>;
    try {
      result = await getCluster(await getArmToken(tenantId), { subscriptionId, resourceGroup, name });
    } catch (cause) {
      // MSAL needing the user (SignInRequired) is shown as "Sign in again"; nothing navigates by itself.
      result = { ok: false, error: toClientError(cause, 'ClusterLoadFailed') };
    }
    if (run !== generation.current) return null;
    if (result.ok) {
      setLoad({ status: 'loaded', cluster: result.data, loadedAt: new Date(), refreshing: false });
      return result.data;
    }
    const error = result.error;
    setLoad((previous) =>
      previous.status === 'loaded'
        ? { ...previous, refreshing: false, refreshError: error }
        : { status: 'failed', error },
    );
    return null;
  }, [getArmToken, tenantId, subscriptionId, resourceGroup, name]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  const running = load.status === 'loaded' && isOperationRunning(load.cluster.provisioningState);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), RUNNING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  return { load, reload };
}
