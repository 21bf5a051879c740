'use client';
import { useEffect, useMemo, useState } from 'react';
import Link from 'next/link';
import { Toaster } from 'sonner';
import type { ClusterRef } from '@/lib/azure/resource-names';
import type { RolloutHandle } from '@/lib/rollout/handle';
import { rolloutProgress, startTracking, trackSnapshot, type RolloutTracker } from '@/lib/rollout/progress';
import { useAuth } from '@/components/auth/auth-context';
import { ErrorAlert } from '@/components/ui/Alert';
import { ConnectionStatus } from './ConnectionStatus';
import { PoolCard } from './PoolCard';
import { RolloutOutcome } from './RolloutOutcome';
import { StageList } from './StageList';
import { formatDuration } from './format';
import { useRolloutAnnouncements } from './use-rollout-announcements';
import { useRolloutPolling } from './use-rollout-polling';

export interface RolloutViewProps {
  cluster: ClusterRef;
  /** The `h` parameter as it came, sent back to the server, which checks it again. */
  encodedHandle: string | null;
  handle: RolloutHandle | null;
  tenantId?: string;
}

function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function RolloutView({ cluster, encodedHandle, handle, tenantId }: RolloutViewProps) {
  const { state: auth, signIn } = useAuth();
  const signedIn = auth.status === 'signed-in';
  const polling = useRolloutPolling(cluster, encodedHandle, tenantId, signedIn);
  const now = useSecondClock();
  const [tracker, setTracker] = useState<RolloutTracker>(() => startTracking(handle?.machinesBefore ?? null, handle?.startedAt ?? null));
  const [watchedRunning, setWatchedRunning] = useState(false);

  useEffect(() => {
    if (polling.latest) setTracker((previous) => trackSnapshot(previous, polling.latest!));
  }, [polling.sequence]); // eslint-disable-line react-hooks/exhaustive-deps

  const progress = useMemo(() => (tracker.latest ? rolloutProgress(tracker, now) : null), [tracker, now]);
  useEffect(() => {
    if (progress && !progress.terminal) setWatchedRunning(true);
  }, [progress]);
  const withoutStatus = tracker.latest !== null && tracker.latest.operation === null;
  // Without a handle, a cluster that was never seen updating has no rollout to report an end of.
  const neverRan = withoutStatus && !watchedRunning && progress?.terminal != null;
  const announcement = useRolloutAnnouncements(neverRan ? null : progress, cluster.name, watchedRunning);

  const clusterPath = `/clusters/${cluster.subscriptionId}/${encodeURIComponent(cluster.resourceGroup)}/${encodeURIComponent(cluster.name)}`;

  return (
    <div className="space-y-5">
      <Toaster position="top-right" closeButton />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">Clusters</Link>
        {' / '}
        <Link href={clusterPath} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">{cluster.name}</Link>
        {' / rollout'}
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">Node rollout on {cluster.name}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Resource group {cluster.resourceGroup} · subscription <span className="font-mono">{cluster.subscriptionId}</span>
        </p>
      </div>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="rollout-announcement">
        {announcement}
      </div>

      {!signedIn ? (
        <div className="space-y-3">
          <p>{auth.status === 'loading' ? 'Checking sign-in…' : 'Sign in to follow this rollout. The link keeps working after sign-in.'}</p>
          {auth.status === 'signed-out' && (
            <button type="button" onClick={() => void signIn()} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">Sign in</button>
          )}
        </div>
      ) : (
        <>
          <ConnectionStatus connection={polling.connection} receivedAt={polling.receivedAt} now={now} />
          {polling.connection.kind === 'stopped' && polling.connection.error && (
            <ErrorAlert title="This rollout cannot be followed">
              <span data-testid="rollout-refused">{polling.connection.error.message}</span>
            </ErrorAlert>
          )}
          {progress && (
            <>
              {withoutStatus ? (
                <p className="rounded border border-slate-300 p-3 text-sm dark:border-slate-700" data-testid="no-operation-status">
                  The operation&apos;s own status is not available: this page was opened without a rollout link (for example, the change was started with
                  <code className="mx-1 font-mono">az aks update</code>). Pool states and machines come from the cluster; &quot;old&quot; nodes are those listed when this page opened.
                  {neverRan && <strong className="mt-1 block" data-testid="no-operation-running">No operation is running on this cluster now (provisioning state {tracker.latest!.cluster.provisioningState}).</strong>}
                </p>
              ) : (
                <p className="text-sm">
                  Operation status: <code className="font-mono" data-testid="operation-status">{progress.statusText}</code>
                </p>
              )}
              <StageList progress={progress} />
              <dl className="grid max-w-xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="rollout-figures">
                <dt className="font-medium">Old nodes replaced</dt>
                <dd data-testid="replaced-total">{progress.replaced} of {progress.total}</dd>
                <dt className="font-medium">Elapsed</dt>
                <dd>{progress.elapsedMs === null ? 'unknown (start time not available)' : formatDuration(progress.elapsedMs)}</dd>
                {!progress.terminal && (
                  <>
                    <dt className="font-medium">Time left</dt>
                    <dd>{progress.remainingMs === null ? 'estimated once the first nodes are replaced' : `about ${formatDuration(progress.remainingMs)} (estimate)`}</dd>
                  </>
                )}
              </dl>
              {!neverRan && <RolloutOutcome progress={progress} cluster={cluster} caEntries={tracker.latest?.cluster.caEntries ?? null} />}
              <section aria-labelledby="pools-heading" className="space-y-2">
                <h2 id="pools-heading" className="text-lg font-semibold">Node pools</h2>
                <div className="grid gap-3 lg:grid-cols-2">
                  {progress.pools.map((pool) => (
                    <PoolCard key={pool.name} pool={pool} baselineLabel={tracker.baselineFromHandle ? 'old' : 'seen at page open'} />
                  ))}
                </div>
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
