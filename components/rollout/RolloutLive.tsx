'use client';
import { useEffect, useMemo, useState } from 'react';
import type { ClusterRef } from '@/lib/clusters/types';
import type { RolloutHandle } from '@/lib/rollout/handle';
import { progressAt } from '@/lib/rollout/poll-reducer';
import { startTracking } from '@/lib/rollout/progress';
import type { HandleAbsence } from '@/lib/rollout/signals';
import { useAuth } from '@/components/auth/auth-context';
import { ErrorAlert } from '@/components/ui/Alert';
import { PRIMARY_BUTTON } from '@/components/ui/buttons';
import { AbortRollout } from './AbortRollout';
import { ConnectionStatus } from './ConnectionStatus';
import { PoolCard } from './PoolCard';
import { RolloutFigures } from './RolloutFigures';
import { RolloutOutcome } from './RolloutOutcome';
import { SignalList } from './SignalList';
import { StageList } from './StageList';
import { useRolloutAnnouncements } from './use-rollout-announcements';
import { useRolloutPolling } from './use-rollout-polling';

function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface RolloutLiveProps {
  cluster: ClusterRef;
  tenantId?: string;
  handle: RolloutHandle | null;
  absence: HandleAbsence | null;
  since: string | null;
}

/** Follows one rollout: polls, folds snapshots, and shows stages, figures, signals, pools and the outcome. */
export function RolloutLive({ cluster, tenantId, handle, absence, since }: RolloutLiveProps) {
  const { reauthenticate } = useAuth();
  const [tracker] = useState(() => startTracking(handle?.machinesBefore ?? null, handle?.startedAt ?? since, absence));
  const { state, resume, changed } = useRolloutPolling(cluster, handle?.operationUrl ?? null, tenantId, tracker);
  const now = useSecondClock();
  const progress = useMemo(() => progressAt(state, now), [state, now]);
  const running = progress !== null && (progress.phase === 'running' || progress.phase === 'canceling');
  // Remembered across renders (state set during render, React's pattern for derived state): only a rollout this
  // page saw running ends with a toast.
  const [watchedRunning, setWatchedRunning] = useState(false);
  if (running && !watchedRunning) setWatchedRunning(true);
  const announcement = useRolloutAnnouncements(progress, cluster.name, watchedRunning);
  const connection = state.connection;
  const fromHandle = state.tracker.baselineFromHandle;

  return (
    <>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="rollout-announcement">
        {announcement}
      </div>
      <ConnectionStatus connection={connection} receivedAt={state.receivedAt} now={now} />
      {connection.kind === 'sign-in-required' && (
        <div
          role="alert"
          className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50"
          data-testid="sign-in-again"
        >
          <p className="font-semibold">Sign in again to keep following this rollout</p>
          <p>{connection.message}</p>
          <button type="button" className={PRIMARY_BUTTON} onClick={() => void reauthenticate(tenantId).then(resume)}>
            Sign in again
          </button>
        </div>
      )}
      {connection.kind === 'stopped' && connection.error && (
        <ErrorAlert title="This rollout cannot be followed">
          <span data-testid="rollout-refused">{connection.error.message}</span>
        </ErrorAlert>
      )}
      {progress && (
        <>
          {progress.statusText === null ? (
            <p
              className="rounded border border-slate-300 p-3 text-sm dark:border-slate-700"
              data-testid="no-operation-status"
            >
              Tracking from the cluster&apos;s own state: the operation&apos;s own status is not available in this
              browser (see &quot;Signals&quot;).
              {progress.phase === 'idle' && (
                <strong className="mt-1 block" data-testid="no-operation-running">
                  No operation is running on this cluster now (provisioning state{' '}
                  {state.tracker.latest!.cluster.provisioningState}).
                </strong>
              )}
            </p>
          ) : (
            <p className="text-sm">
              Operation status (as Azure reports it):{' '}
              <code className="font-mono" data-testid="operation-status">
                {progress.statusText}
              </code>
            </p>
          )}
          <StageList stages={progress.stages} />
          {progress.phase !== 'idle' && <RolloutFigures progress={progress} />}
          {running && (
            <AbortRollout
              cluster={cluster}
              tenantId={tenantId}
              disabled={progress.phase === 'canceling'}
              onAccepted={changed}
            />
          )}
          {progress.phase !== 'idle' && (
            <RolloutOutcome
              progress={progress}
              cluster={cluster}
              caBundle={state.tracker.latest?.cluster.caBundle ?? null}
            />
          )}
          <SignalList signals={progress.signals} />
          <section aria-labelledby="pools-heading" className="space-y-2">
            <h2 id="pools-heading" className="text-lg font-semibold">
              Node pools
            </h2>
            <div className="grid gap-3 lg:grid-cols-2">
              {progress.pools.map((pool) => (
                <PoolCard
                  key={pool.name}
                  pool={pool}
                  baselineLabel={fromHandle[pool.name] ? 'before the change' : 'seen at page open'}
                />
              ))}
            </div>
          </section>
        </>
      )}
    </>
  );
}
