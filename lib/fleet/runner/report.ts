/** The final report of a fleet run (the CLI prints it on stdout) and the exit code it implies. Pure. */
import type { FleetPlan } from '../plan/types';
import type { ClusterRunStateName, FleetRunReport, FleetRunView } from './types';

const STATES: ClusterRunStateName[] = [
  'waiting',
  'applying',
  'rolling-out',
  'succeeded',
  'failed',
  'conflict',
  'skipped',
  'blocked',
];

export function fleetRunReport(plan: FleetPlan, view: FleetRunView): FleetRunReport {
  const counts = Object.fromEntries(STATES.map((state) => [state, 0])) as FleetRunReport['counts'];
  counts.alreadyDone = 0;
  const waveOf = new Map<string, number>();
  view.waves.forEach((wave, index) => wave.forEach((id) => waveOf.set(id, index)));
  const clusters = plan.clusters.map((cluster) => {
    const result = view.clusters[cluster.ref.id] ?? { state: 'waiting' as const };
    counts[result.state]++;
    if (result.state === 'succeeded' && result.already) counts.alreadyDone++;
    return {
      id: cluster.ref.id,
      name: cluster.ref.name,
      subscriptionId: cluster.ref.subscriptionId,
      tenantId: cluster.ref.tenantId,
      wave: waveOf.get(cluster.ref.id) ?? null,
      result,
    };
  });
  return {
    phase: view.phase,
    stopReason: view.stopReason,
    startedAt: view.startedAt,
    finishedAt: view.finishedAt,
    elapsedMs: view.elapsedMs,
    waves: view.waves,
    counts,
    clusters,
  };
}

/**
 * 0 when every cluster the plan applies succeeded (now or already) and the run finished; 1 otherwise (a failure, a
 * conflict, a skip, an abort, a rollout left running). Blocked clusters do not count: the plan said so up front.
 */
export function runExitCode(report: FleetRunReport): 0 | 1 {
  if (report.phase !== 'done') return 1;
  return report.clusters.every((cluster) => ['succeeded', 'blocked'].includes(cluster.result.state)) ? 0 : 1;
}
