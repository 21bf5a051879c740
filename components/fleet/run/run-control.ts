'use client';
/** That this browser started a fleet rollout of a plan (a reload then offers "Continue"); the state itself is ARM's. */
const RUN_PREFIX = 'aks-ca-trust:fleet-run:';

/** That this browser started a rollout of the plan (so a reload offers "Continue"); the state itself is ARM's. */
export function rememberRun(planId: string): void {
  try {
    localStorage.setItem(RUN_PREFIX + planId, JSON.stringify({ startedAt: new Date().toISOString() }));
  } catch {
    // not remembered: the page offers "Start" again, which resumes the same way
  }
}

export function runStartedHere(planId: string): string | null {
  try {
    const value = JSON.parse(localStorage.getItem(RUN_PREFIX + planId) ?? 'null') as { startedAt?: string } | null;
    return typeof value?.startedAt === 'string' ? value.startedAt : null;
  } catch {
    return null;
  }
}
