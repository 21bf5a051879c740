'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import { Toaster } from 'sonner';
import type { ClusterRef } from '@/lib/clusters/types';
import { clusterId } from '@/lib/clusters/cluster-id';
import type { RolloutHandle } from '@/lib/rollout/handle';
import type { HandleAbsence } from '@/lib/rollout/signals';
import { useAuth } from '@/components/auth/auth-context';
import { clusterPageHref, rolloutHref } from '@/lib/clusters/links';
import { operationIdOf } from '@/lib/rollout/handle';
import { findRolloutHandle, latestRolloutHandle } from './handle-browser';
import { RolloutLive } from './RolloutLive';
import { SubscriptionName } from '@/components/clusters/SubscriptionName';
import { useHydrated } from '@/components/ui/use-hydrated';

export interface RolloutViewProps {
  cluster: ClusterRef;
  /** `op` and `since` from the short URL; both null for a link without a rollout (inventory, az). */
  operationId: string | null;
  since: string | null;
  tenantId?: string;
}

type Lookup = { handle: RolloutHandle | null; absence: HandleAbsence | null; latest?: RolloutHandle | null };

/**
 * The rollout view: signs in, looks for this browser's private handle of the rollout (signed operation URL,
 * machines before), then follows it at full precision, or from the cluster's own state saying what it lacks.
 */
export function RolloutView({ cluster, operationId, since, tenantId }: RolloutViewProps) {
  const { state: auth, signIn } = useAuth();
  const account = auth.status === 'signed-in' ? auth.account : null;
  const hydrated = useHydrated();
  // The private handle lives in this browser's storage, so it is looked up only once hydrated and signed in.
  const lookup = useMemo((): Lookup | null => {
    if (!hydrated || !account) return null;
    if (!operationId && !since)
      return { handle: null, absence: 'no-link', latest: latestRolloutHandle(account, clusterId(cluster)) };
    const found = findRolloutHandle(account, { operationId, clusterId: clusterId(cluster), since: since ?? '' });
    return found.found ? { handle: found.handle, absence: null } : { handle: null, absence: found.reason };
  }, [hydrated, account, operationId, since, cluster]);

  return (
    <div className="space-y-5">
      {/* Bottom right: a toast must never cover the header (sign-in state, sign out) or the page's heading. */}
      <Toaster position="bottom-right" closeButton />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
          Clusters
        </Link>
        {' / '}
        <Link
          href={clusterPageHref(cluster, tenantId)}
          className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
        >
          {cluster.name}
        </Link>
        {' / rollout'}
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">Node rollout on {cluster.name}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Resource group {cluster.resourceGroup} · subscription{' '}
          <SubscriptionName subscriptionId={cluster.subscriptionId} tenantId={tenantId} />
        </p>
      </div>
      {!account ? (
        <div className="space-y-3">
          <p>
            {auth.status === 'loading'
              ? 'Checking sign-in…'
              : 'Sign in to follow this rollout. The link keeps working after sign-in.'}
          </p>
          {auth.status === 'signed-out' && (
            <button
              type="button"
              onClick={() => void signIn()}
              className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
            >
              Sign in
            </button>
          )}
        </div>
      ) : lookup ? (
        <>
          {lookup.latest && (
            <p className="rounded border border-sky-700 p-3 text-sm dark:border-sky-400" data-testid="own-rollout-link">
              You started a change on this cluster from this browser at{' '}
              {new Date(lookup.latest.startedAt).toLocaleString()}.{' '}
              <Link
                href={rolloutHref(cluster, tenantId, {
                  operationId: operationIdOf(lookup.latest.operationUrl),
                  since: lookup.latest.startedAt,
                })}
                className="font-medium text-blue-700 underline dark:text-blue-300"
              >
                Follow that rollout with its own status
              </Link>{' '}
              (if the cluster is running another operation now, this page is the one to watch).
            </p>
          )}
          <RolloutLive
            key={`${lookup.handle?.operationUrl ?? lookup.absence}`}
            cluster={cluster}
            tenantId={tenantId}
            handle={lookup.handle}
            absence={lookup.absence}
            since={since}
          />
        </>
      ) : null}
    </div>
  );
}
