/** A FleetRunControl with the buttons behind it (pause, resume, abort), and a sleep deps can use. Pure. */
import type { FleetRunControl } from './types';

export interface RunControlHandle {
  control: FleetRunControl;
  pause(): void;
  resume(): void;
  abort(): void;
}

export function createRunControl(): RunControlHandle {
  const abortController = new AbortController();
  let paused = false;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  abortController.signal.addEventListener('abort', wake);
  return {
    control: {
      signal: abortController.signal,
      isPaused: () => paused,
      waitWhilePaused: (signal) =>
        !paused || signal.aborted
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              waiters.push(resolve);
              signal.addEventListener('abort', () => resolve(), { once: true });
            }),
    },
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      wake();
    },
    abort: () => abortController.abort(),
  };
}

/** setTimeout that rejects when signal aborts (for real deps; tests inject a virtual clock). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
