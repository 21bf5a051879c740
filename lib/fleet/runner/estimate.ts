/**
 * Time left in a fleet run, from the durations of the clusters this run applied and finished (apply → rollout
 * succeeded): the current wave's running rollouts finish at their mean, its waiting clusters fill the free slots,
 * each later wave takes ceil(waiting / parallel) mean durations, and each wave boundary adds the soak. Pure.
 */
import type { FleetRunView } from './types';

export interface EstimateInput {
  view: Pick<FleetRunView, 'waves' | 'currentWave' | 'clusters' | 'timings'>;
  /** Durations (ms) of clusters this run applied and saw succeed. */
  durations: number[];
  parallel: number;
  soakMs: number;
  nowMs: number;
  /** Set while the run soaks after currentWave. */
  soakingUntilMs: number | null;
}

export function estimateRemainingMs(input: EstimateInput): number | null {
  const { view, durations, parallel, soakMs, nowMs } = input;
  if (durations.length === 0) return null;
  const mean = durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
  const current = view.currentWave ?? 0;
  const pending = (id: string) => view.clusters[id]?.state === 'waiting';
  let total = 0;

  if (input.soakingUntilMs !== null) {
    total += Math.max(0, input.soakingUntilMs - nowMs);
  } else if (view.currentWave !== null) {
    const wave = view.waves[current] ?? [];
    // Slots: when each running rollout should finish; then the waiting ones take the earliest free slot.
    const slots = wave
      .filter((id) => ['applying', 'rolling-out'].includes(view.clusters[id]?.state ?? ''))
      .map((id) => {
        const started = view.timings[id]?.startedAt;
        return Math.max(0, mean - (started ? nowMs - Date.parse(started) : 0));
      });
    while (slots.length < parallel) slots.push(0);
    slots.sort((a, b) => a - b);
    for (let waiting = wave.filter(pending).length; waiting > 0; waiting--) {
      slots[0] = slots[0]! + mean;
      slots.sort((a, b) => a - b);
    }
    total += Math.max(...slots);
  }

  const laterFrom = view.currentWave === null ? 0 : current + 1;
  for (const wave of view.waves.slice(laterFrom)) {
    const waiting = wave.filter(pending).length;
    if (waiting === 0) continue;
    total += soakMs + Math.ceil(waiting / parallel) * mean;
  }
  return Math.round(total);
}
