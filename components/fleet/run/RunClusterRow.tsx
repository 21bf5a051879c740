'use client';
import type { PlannedCluster } from '@/lib/fleet/plan/types';
import type { ClusterRunState } from '@/lib/fleet/runner/types';
import { Badge } from '@/components/ui/Badge';

export const STATE_LABELS: Record<ClusterRunState['state'], string> = {
  waiting: 'Waiting',
  applying: 'Applying',
  'rolling-out': 'Rolling out',
  succeeded: 'Succeeded',
  failed: 'Failed',
  conflict: 'Conflict',
  skipped: 'Skipped',
  blocked: 'Blocked',
};

const TONES = {
  waiting: 'neutral',
  applying: 'info',
  'rolling-out': 'info',
  succeeded: 'neutral',
  failed: 'danger',
  conflict: 'danger',
  skipped: 'warning',
  blocked: 'warning',
} as const;

export function stateText(state: ClusterRunState): string {
  switch (state.state) {
    case 'succeeded':
      return state.already ? 'Succeeded (it already trusted the planned bundle)' : 'Succeeded';
    case 'rolling-out':
      return state.progress ? `Rolling out: ${state.progress.done} of ${state.progress.total} nodes` : 'Rolling out';
    case 'failed':
    case 'conflict':
    case 'skipped':
    case 'blocked':
      return `${STATE_LABELS[state.state]}: ${state.message}`;
    default:
      return STATE_LABELS[state.state];
  }
}

export function RunClusterRow({
  cluster,
  wave,
  state,
}: {
  cluster: PlannedCluster;
  wave: number | null;
  state: ClusterRunState;
}) {
  const progress = state.state === 'rolling-out' ? state.progress : null;
  const message = 'message' in state ? state.message : null;
  return (
    <tr
      className="border-t border-slate-300 align-top dark:border-slate-700"
      data-testid="run-cluster"
      data-cluster={cluster.ref.name}
      data-state={state.state}
      data-already={state.state === 'succeeded' ? String(state.already) : undefined}
    >
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        <span className="block">{cluster.ref.name}</span>
        <span className="block text-xs font-normal text-slate-700 dark:text-slate-300">
          {cluster.ref.subscriptionName} · {cluster.ref.tenantName}
        </span>
      </th>
      <td className="py-2 pr-3">{wave === null ? '—' : wave === 0 ? 'Canary' : `Wave ${wave}`}</td>
      <td className="py-2 pr-3">
        <Badge tone={TONES[state.state]}>{STATE_LABELS[state.state]}</Badge>
        {state.state === 'succeeded' && state.already && (
          <span className="ml-1 text-xs text-slate-700 dark:text-slate-300">(already done)</span>
        )}
      </td>
      <td className="py-2 pr-3">
        {state.state === 'rolling-out' &&
          (progress ? (
            <div className="flex items-center gap-2">
              <div
                role="progressbar"
                aria-label={`${cluster.ref.name}: nodes replaced`}
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.done}
                className="h-2 w-32 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
              >
                <div
                  className="h-full bg-blue-700 dark:bg-blue-400"
                  style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }}
                />
              </div>
              <span className="text-xs tabular-nums">
                {progress.done} of {progress.total} nodes
              </span>
            </div>
          ) : (
            <span className="text-xs">Waiting for the first node</span>
          ))}
        {message && (
          <span className="text-sm" data-testid="run-message">
            {message}
          </span>
        )}
      </td>
      <td className="py-2 text-right tabular-nums">{cluster.machinesReplaced}</td>
    </tr>
  );
}
