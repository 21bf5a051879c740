import { describe, expect, it } from 'vitest';
import { backoffDelay, initialPollState, pollReducer, type PollState } from './poll-reducer';
import { startTracking } from './progress';
import { machinesBefore, simulate, type SimOptions } from './testing/simulate';

const OPTIONS: SimOptions = { behaviour: 'replace', pools: [{ name: 'apps', count: 4, surge: 2 }] };
const truths = simulate(OPTIONS);
const start = () => initialPollState(startTracking(machinesBefore(OPTIONS), '2026-12-01T10:00:00.000Z', null), 0);
const transient = { code: 'TooManyRequests', message: 'throttled', retry: { afterMs: 5000, backoff: true } };

describe('pollReducer', () => {
  it('folds snapshots into the tracker and schedules the next poll from the server', () => {
    let state = pollReducer(start(), { type: 'polling', at: 0 });
    expect(state.nextPollAt).toBeNull();
    state = pollReducer(state, { type: 'snapshot', snapshot: truths[0]!, at: 100 });
    expect(state).toMatchObject({ connection: { kind: 'live' }, receivedAt: 100, nextPollAt: 5100, failures: 0 });
    expect(state.tracker.latest).toBe(truths[0]);
  });

  it('stops when the server says the rollout ended, not before', () => {
    let state: PollState = start();
    for (const [i, snapshot] of truths.entries()) {
      state = pollReducer(state, { type: 'snapshot', snapshot, at: i * 5000 });
      expect(state.connection.kind).toBe(i === truths.length - 1 ? 'stopped' : 'live');
    }
    expect(state.nextPollAt).toBeNull();
  });

  it('backs off on transient failures, doubling up to a minute, never below the server hint, and resets on success', () => {
    let state = pollReducer(start(), { type: 'snapshot', snapshot: truths[0]!, at: 0 });
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      state = pollReducer(state, { type: 'failure', error: transient, at: 0 });
      delays.push(state.nextPollAt!);
    }
    expect(delays).toEqual([5000, 10000, 20000, 40000, 60000, 60000]);
    expect(state.connection).toMatchObject({ kind: 'reconnecting', failures: 6 });
    expect(state.tracker.latest).toBe(truths[0]); // the last good state stays
    expect(backoffDelay(5000, 1, { afterMs: 30_000, backoff: true })).toBe(30_000);
    state = pollReducer(state, { type: 'snapshot', snapshot: truths[1]!, at: 1 });
    expect(state).toMatchObject({ failures: 0, connection: { kind: 'live' } });
  });

  it('stops on a refusal the server says not to retry', () => {
    const state = pollReducer(start(), {
      type: 'failure',
      error: { code: 'ForgedOperationUrl', message: 'refused', retry: null },
      at: 0,
    });
    expect(state).toMatchObject({
      connection: { kind: 'stopped', error: { code: 'ForgedOperationUrl' } },
      nextPollAt: null,
    });
  });

  it('pauses while hidden and catches up at once when visible', () => {
    let state = pollReducer(start(), { type: 'snapshot', snapshot: truths[0]!, at: 0 });
    state = pollReducer(state, { type: 'hidden' });
    expect(state).toMatchObject({ connection: { kind: 'paused' }, nextPollAt: null });
    state = pollReducer(state, { type: 'visible', at: 42 });
    expect(state).toMatchObject({ connection: { kind: 'live' }, nextPollAt: 42 });
  });

  it('waits for the user after SignInRequiredError: no poll until resume, hidden/visible do not restart it', () => {
    let state = pollReducer(start(), { type: 'sign-in-required', message: 'Your session ended.' });
    expect(state).toMatchObject({ connection: { kind: 'sign-in-required' }, nextPollAt: null });
    state = pollReducer(pollReducer(state, { type: 'hidden' }), { type: 'visible', at: 5 });
    expect(state.nextPollAt).toBeNull();
    state = pollReducer(state, { type: 'resume', at: 9 });
    expect(state).toMatchObject({ connection: { kind: 'connecting' }, nextPollAt: 9 });
  });

  it('asks again at once with a fresh cluster read after this user changed something (abort)', () => {
    let state = pollReducer(start(), { type: 'snapshot', snapshot: truths[0]!, at: 0 });
    state = pollReducer(state, { type: 'changed', at: 7 });
    expect(state).toMatchObject({ nextPollAt: 7, refreshCluster: true });
    state = pollReducer(state, { type: 'polling', at: 7 });
    expect(state.refreshCluster).toBe(false);
  });
});
