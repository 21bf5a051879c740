'use client';
/**
 * Polls the rollout snapshot action. A small hook rather than swr or react-query: the rules (server-chosen
 * interval, Retry-After, exponential backoff, pause while hidden and catch up on return, stop at the end, keep
 * the last good snapshot through failures) are easier to state exactly here than to bend a cache library to.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '@/lib/action-result';
import type { ClusterRef } from '@/lib/azure/resource-names';
import type { RolloutSnapshot } from '@/lib/rollout/snapshot';
import { terminalStatus } from '@/lib/rollout/operation-status';
import { readRolloutSnapshot } from '@/app/actions/rollout';
import { useAuth } from '@/components/auth/auth-context';
import { delayAfterFailure, delayAfterSuccess } from './poll-schedule';

export type Connection =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'paused' }
  /** A transient failure: the page keeps the last good snapshot and tries again. */
  | { kind: 'reconnecting'; failures: number; retryAt: number; error: ActionError }
  /** Polling stopped: the rollout ended, or the server refused the request for good. */
  | { kind: 'stopped'; error?: ActionError };

export interface PollingState {
  connection: Connection;
  /** Every snapshot received, newest last; the view folds them into a tracker. */
  latest: RolloutSnapshot | null;
  receivedAt: number | null;
  sequence: number;
}

const PERMANENT = new Set(['InvalidRolloutHandle', 'ForgedOperationUrl', 'InvalidArgument', 'AuthorizationFailed', 'ResourceNotFound', 'ResourceGroupNotFound', 'NotFound']);

function hasEnded(snapshot: RolloutSnapshot): boolean {
  if (snapshot.operation) return terminalStatus(snapshot.operation.status) !== null;
  return snapshot.cluster.caEntries !== null; // without status, the server sends the CA list once the cluster settled
}

export function useRolloutPolling(cluster: ClusterRef, encodedHandle: string | null, tenantId: string | undefined, signedIn: boolean): PollingState {
  const { getArmToken } = useAuth();
  const [state, setState] = useState<PollingState>({ connection: { kind: 'connecting' }, latest: null, receivedAt: null, sequence: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  const lastPollMs = useRef<number | null>(null);
  const stopped = useRef(false);
  const busy = useRef(false);
  const poll = useRef<() => Promise<void>>(async () => {});

  const schedule = useCallback((delay: number) => {
    clearTimeout(timer.current);
    if (stopped.current) return;
    timer.current = setTimeout(() => {
      if (document.visibilityState === 'hidden') {
        setState((previous) => ({ ...previous, connection: { kind: 'paused' } }));
        return; // resumed by the visibilitychange listener
      }
      void poll.current();
    }, delay);
  }, []);

  poll.current = async () => {
    if (busy.current || stopped.current) return;
    busy.current = true;
    try {
      const token = await getArmToken(tenantId);
      const result = await readRolloutSnapshot(token, { cluster, handle: encodedHandle });
      if (stopped.current) return;
      if (result.ok) {
        failures.current = 0;
        lastPollMs.current = result.data.pollAfterMs;
        const ended = hasEnded(result.data);
        if (ended) stopped.current = true;
        setState((previous) => ({ connection: ended ? { kind: 'stopped' } : { kind: 'live' }, latest: result.data, receivedAt: Date.now(), sequence: previous.sequence + 1 }));
        if (!ended) schedule(delayAfterSuccess(result.data.pollAfterMs));
        return;
      }
      if (!result.error.transient && PERMANENT.has(result.error.code)) {
        stopped.current = true;
        setState((previous) => ({ ...previous, connection: { kind: 'stopped', error: result.error } }));
        return;
      }
      failures.current += 1;
      const delay = delayAfterFailure(lastPollMs.current, failures.current, result.error.retryAfterSeconds);
      setState((previous) => ({ ...previous, connection: { kind: 'reconnecting', failures: failures.current, retryAt: Date.now() + delay, error: result.error } }));
      schedule(delay);
    } catch (error) {
      // The server action itself did not answer (network, server restart): as transient as ARM trouble.
      failures.current += 1;
      const delay = delayAfterFailure(lastPollMs.current, failures.current);
      const message = error instanceof Error ? error.message : String(error);
      setState((previous) => ({ ...previous, connection: { kind: 'reconnecting', failures: failures.current, retryAt: Date.now() + delay, error: { code: 'Unreachable', message } } }));
      schedule(delay);
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    if (!signedIn) return;
    stopped.current = false;
    void poll.current();
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && !stopped.current) {
        // Catch up at once on return rather than waiting out the interval.
        clearTimeout(timer.current);
        void poll.current();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped.current = true;
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [signedIn, schedule]);

  return state;
}
