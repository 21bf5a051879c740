'use client';
/**
 * Polls the rollout snapshot action and folds every answer with pollReducer (lib/rollout/poll-reducer.ts). The
 * server says when the rollout ended and when to ask again; this hook owns only the timer, the pause while the
 * tab is hidden, and the "Sign in again" wait when getArmToken needs the user (it never navigates away).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ClusterRef } from '@/lib/clusters/types';
import { initialPollState, pollReducer, type PollState } from '@/lib/rollout/poll-reducer';
import type { RolloutTracker } from '@/lib/rollout/progress';
import { readRolloutSnapshot } from '@/app/actions/rollout';
import { isSignInRequired, useAuth } from '@/components/auth/auth-context';

export interface RolloutPolling {
  state: PollState;
  /** After "Sign in again": start asking again. */
  resume(): void;
  /** After this user changed the cluster (abort): ask now, reading the cluster again. */
  changed(): void;
}

export function useRolloutPolling(
  cluster: ClusterRef,
  operationUrl: string | null,
  tenantId: string | undefined,
  tracker: RolloutTracker | null,
): RolloutPolling {
  const { getArmToken } = useAuth();
  const [state, dispatch] = useReducer(pollReducer, tracker, (initial) =>
    initialPollState(initial ?? ({} as RolloutTracker), Date.now()),
  );
  const enabled = tracker !== null;
  const inFlight = useRef(false);
  const mounted = useRef(true);

  const refresh = useRef(false);
  useEffect(() => {
    refresh.current = state.refreshCluster;
  }, [state.refreshCluster]);

  const poll = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const refreshCluster = refresh.current;
    dispatch({ type: 'polling', at: Date.now() });
    try {
      const token = await getArmToken(tenantId);
      const result = await readRolloutSnapshot(token, {
        cluster,
        operationUrl,
        ...(refreshCluster ? { refreshCluster } : {}),
      });
      if (!mounted.current) return;
      if (result.ok) dispatch({ type: 'snapshot', snapshot: result.data, at: Date.now() });
      else
        dispatch({
          type: 'failure',
          error: { code: result.error.code, message: result.error.message, retry: result.error.retry },
          at: Date.now(),
        });
    } catch (error) {
      if (!mounted.current) return;
      if (isSignInRequired(error)) dispatch({ type: 'sign-in-required', message: error.message });
      // The server action itself did not answer (network, server restart): as transient as ARM trouble.
      else
        dispatch({
          type: 'failure',
          error: {
            code: 'Unreachable' as const,
            message: error instanceof Error ? error.message : String(error),
            retry: { afterMs: 5000, backoff: true },
          },
          at: Date.now(),
        });
    } finally {
      inFlight.current = false;
    }
  }, [getArmToken, tenantId, cluster, operationUrl]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled || state.nextPollAt === null) return;
    const timer = setTimeout(() => void poll(), Math.max(0, state.nextPollAt - Date.now()));
    return () => clearTimeout(timer);
  }, [enabled, state.nextPollAt, poll]);

  useEffect(() => {
    if (!enabled) return;
    const onVisibility = () =>
      dispatch(document.visibilityState === 'hidden' ? { type: 'hidden' } : { type: 'visible', at: Date.now() });
    if (document.visibilityState === 'hidden') dispatch({ type: 'hidden' });
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [enabled]);

  return {
    state,
    resume: useCallback(() => dispatch({ type: 'resume', at: Date.now() }), []),
    changed: useCallback(() => dispatch({ type: 'changed', at: Date.now() }), []),
  };
}
