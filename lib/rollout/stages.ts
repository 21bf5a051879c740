/**
 * The overall stages of a rollout, from signals only. AKS's own status texts (`InProgress`,
 * `ProvisioningControlPlane`, `ReconcilingDNS` through the whole node replacement) are never parsed (azure-facts §13):
 * the node stage begins when a node signal moves. A stage is complete only with evidence (a later stage began, or
 * the operation succeeded); none after a failure; "unknown" when the signals at hand cannot tell. Pure.
 */
import type { PoolProgress } from './pool-progress';
import type { RolloutPhase } from './progress';

export type StageKey = 'accepted' | 'preparing' | 'nodes' | 'end';
export type StageState =
  'complete' | 'current' | 'to-come' | 'not-reached' | 'failed' | 'canceled' | 'canceling' | 'unknown';

export interface Stage {
  key: StageKey;
  label: string;
  state: StageState;
  note?: string;
}

export interface StageInput {
  phase: RolloutPhase;
  hasOperation: boolean;
  clusterSeenBusy: boolean;
  pools: PoolProgress[];
}

const LABELS: Record<StageKey, string> = {
  accepted: 'Change accepted',
  preparing: 'Control plane and cluster settings',
  nodes: 'Renewing nodes',
  end: 'Rollout finished',
};

export function rolloutStages({ phase, pools }: StageInput): Stage[] {
  if (phase === 'idle') return [];
  const rolled = pools.filter((p) => p.stage !== 'not-rolled');
  const moved = rolled.some((p) => p.stage === 'updating' || p.stage === 'done' || (p.updated ?? 0) > 0);
  const blind = !moved && rolled.some((p) => p.stage === 'unknown');
  const blindNote = 'The signals at hand cannot show whether nodes are being renewed yet (see "Signals").';
  const stage = (key: StageKey, state: StageState, note?: string): Stage => ({
    key,
    label: LABELS[key],
    state,
    ...(note ? { note } : {}),
  });

  if (phase === 'succeeded')
    return (['accepted', 'preparing', 'nodes', 'end'] as const).map((key) => stage(key, 'complete'));
  const accepted = stage('accepted', 'complete');
  if (phase === 'running' || phase === 'canceling') {
    return [
      accepted,
      moved
        ? stage('preparing', 'complete')
        : blind
          ? stage('preparing', 'unknown', blindNote)
          : stage('preparing', 'current'),
      moved ? stage('nodes', 'current') : blind ? stage('nodes', 'unknown', blindNote) : stage('nodes', 'to-come'),
      phase === 'canceling' ? { ...stage('end', 'canceling'), label: 'Canceling' } : stage('end', 'to-come'),
    ];
  }
  // Failed or canceled: the stage that was running takes the outcome; later stages were not reached.
  const outcome: StageState = phase === 'failed' ? 'failed' : 'canceled';
  return [
    accepted,
    moved ? stage('preparing', 'complete') : stage('preparing', outcome),
    moved ? stage('nodes', outcome) : stage('nodes', 'not-reached'),
    { ...stage('end', outcome), label: phase === 'failed' ? 'Failed' : 'Canceled' },
  ];
}
