'use client';
import { useCallback, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionError } from '@/lib/action-result';
import type { ClusterRef, ClusterSummary } from '@/lib/clusters/types';
import { rolloutHref } from '@/lib/clusters/links';
import { reviewedCluster } from '@/lib/clusters/reviewed-cluster';
import { applyCaBundle } from '@/app/actions/cluster';
import { useAuth } from '@/components/auth/auth-context';
import { rememberRolloutHandle } from '@/components/rollout/handle-browser';
import { operationIdOf } from '@/lib/rollout/handle';
import type { ApplyMode } from '@/components/certificates/ApplyDialog';
import { toClientError } from './client-error';

export type ApplyFailure = ActionError & { mode: ApplyMode };

/**
 * One confirm, one server action, carrying the cluster as the user reviewed it (the server compares it with a read
 * right before the PUT). On success the handle is kept in this browser and it goes to the rollout view; on a 412
 * (eTag, or the server's comparison) the cluster is reloaded: the editor keeps the user's proposal, so the diff is
 * recomputed against the new bundle.
 */
export function useApply(ref: ClusterRef, tenantId: string | undefined, reload: () => Promise<ClusterSummary | null>) {
  const { getArmToken, state: auth } = useAuth();
  const router = useRouter();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ApplyFailure | null>(null);

  const apply = useCallback(
    async (mode: ApplyMode, cluster: ClusterSummary, pems: string[]): Promise<boolean> => {
      setSending(true);
      setFailure(null);
      try {
        const token = await getArmToken(tenantId);
        const reviewed = await reviewedCluster(cluster);
        const result = await applyCaBundle(token, {
          cluster: ref,
          reviewed,
          certificates: mode === 'remove-all' ? [] : pems,
        });
        if (result.ok) {
          // The private handle (signed operation URL, machines before) stays in this browser; the URL stays short.
          const { handle } = result.data;
          if (auth.status === 'signed-in') rememberRolloutHandle(auth.account, handle);
          router.push(
            rolloutHref(ref, tenantId, { operationId: operationIdOf(handle.operationUrl), since: handle.startedAt }),
          );
          return true;
        }
        if (result.error.status === 412) await reload();
        setFailure({ ...result.error, mode });
        return false;
      } catch (cause) {
        setFailure({ ...toClientError(cause, 'ApplyFailed'), mode });
        return false;
      } finally {
        setSending(false);
      }
    },
    [getArmToken, auth, tenantId, ref, reload, router],
  );

  return { apply, sending, failure, clearFailure: () => setFailure(null) };
}
