/**
 * The rollout view's polling state, folded from events with one reducer: snapshots go into the tracker; the server
 * says when a rollout ended and when to ask again (snapshot.next, or the failure's retry hint), so the browser only
 * applies the backoff doubling and the pause while hidden. Pure; the hook owns the timer and the calls.
 */
import { rolloutProgress, trackSnapshot, type RolloutTracker } from './progress';
import type { RolloutSnapshot } from './snapshot';

export const MAX_BACKOFF_MS = 60_000;
/** No poll sooner than 200 ms after the last one: the smallest ROLLOUT_POLL_MS lib/config.ts accepts (the emulator's tests). */
const FLOOR_MS = 200;

export interface PollError {
  code: string;
  message: string;
  /** From the server: null means "do not try again as it is". */
  retry: { afterMs: number; backoff: boolean } | null;
}

export type Connection =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'paused' }
  /** A transient failure: the page keeps the last good snapshot and tries again. */
  | { kind: 'reconnecting'; failures: number; retryAt: number; error: PollError }
  /** getArmToken needs the user (session ended, MFA): nothing is asked until they sign in again. */
  | { kind: 'sign-in-required'; message: string }
  /** Polling stopped: the rollout ended, or the server refused the request for good. */
  | { kind: 'stopped'; error?: PollError };

export interface PollState {
  connection: Connection;
  tracker: RolloutTracker;
  receivedAt: number | null;
  failures: number;
  /** Epoch ms of the next poll; null when none is due (ended, paused, waiting for sign-in, or a poll in flight). */
  nextPollAt: number | null;
  lastIntervalMs: number | null;
  /** The next poll asks the server to read the cluster again at once (after this user's abort). */
  refreshCluster: boolean;
}

export type PollEvent =
  | { type: 'polling'; at: number }
  | { type: 'snapshot'; snapshot: RolloutSnapshot; at: number }
  | { type: 'failure'; error: PollError; at: number }
  | { type: 'sign-in-required'; message: string }
  | { type: 'hidden' }
  | { type: 'visible'; at: number }
  | { type: 'resume'; at: number }
  /** Something this user did (an abort) changed the cluster: ask now, with a fresh cluster read. */
  | { type: 'changed'; at: number };

export function initialPollState(tracker: RolloutTracker, at: number): PollState {
  return {
    connection: { kind: 'connecting' },
    tracker,
    receivedAt: null,
    failures: 0,
    nextPollAt: at,
    lastIntervalMs: null,
    refreshCluster: false,
  };
}

export function backoffDelay(
  lastIntervalMs: number | null,
  failures: number,
  retry: { afterMs: number; backoff: boolean },
): number {
  const base = Math.max(FLOOR_MS, lastIntervalMs ?? retry.afterMs);
  const backoff = retry.backoff ? Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, failures - 1)) : base;
  return Math.max(FLOOR_MS, backoff, retry.afterMs);
}

const waiting = (connection: Connection) => connection.kind === 'stopped' || connection.kind === 'sign-in-required';

export function pollReducer(state: PollState, event: PollEvent): PollState {
  switch (event.type) {
    case 'polling':
      return { ...state, nextPollAt: null, refreshCluster: false };
    case 'snapshot': {
      const tracker = trackSnapshot(state.tracker, event.snapshot);
      const next = event.snapshot.next;
      // The server decides the end; paused tabs keep their pause.
      const connection: Connection =
        next === null ? { kind: 'stopped' } : state.connection.kind === 'paused' ? state.connection : { kind: 'live' };
      return {
        ...state,
        connection,
        tracker,
        receivedAt: event.at,
        failures: 0,
        nextPollAt: next && connection.kind !== 'paused' ? event.at + Math.max(FLOOR_MS, next.afterMs) : null,
        lastIntervalMs: next?.afterMs ?? state.lastIntervalMs,
      };
    }
    case 'failure': {
      if (event.error.retry === null)
        return { ...state, connection: { kind: 'stopped', error: event.error }, nextPollAt: null };
      const failures = state.failures + 1;
      const retryAt = event.at + backoffDelay(state.lastIntervalMs, failures, event.error.retry);
      return {
        ...state,
        failures,
        connection: { kind: 'reconnecting', failures, retryAt, error: event.error },
        nextPollAt: retryAt,
      };
    }
    case 'sign-in-required':
      return { ...state, connection: { kind: 'sign-in-required', message: event.message }, nextPollAt: null };
    case 'hidden':
      return waiting(state.connection) ? state : { ...state, connection: { kind: 'paused' }, nextPollAt: null };
    case 'visible':
      // Catch up at once on return rather than waiting out the interval.
      return state.connection.kind === 'paused'
        ? { ...state, connection: { kind: state.receivedAt !== null ? 'live' : 'connecting' }, nextPollAt: event.at }
        : state;
    case 'changed':
      return waiting(state.connection)
        ? state
        : {
            ...state,
            refreshCluster: true,
            nextPollAt: state.nextPollAt === null && state.connection.kind === 'paused' ? null : event.at,
          };
    case 'resume':
      return state.connection.kind === 'sign-in-required'
        ? { ...state, connection: { kind: 'connecting' }, failures: 0, nextPollAt: event.at }
        : state;
  }
}

/** The progress to show now (the clock moves elapsed time between snapshots). */
export const progressAt = (state: PollState, now: number) =>
  state.tracker.latest ? rolloutProgress(state.tracker, now) : null;
