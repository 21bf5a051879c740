import { CheckCircle2, Circle, CircleDot, XCircle } from 'lucide-react';
import type { RolloutProgress, RolloutStage } from '@/lib/rollout/progress';

const STEPS: { key: 'submitted' | 'control-plane' | 'nodes' | 'finishing' | 'end'; label: string }[] = [
  { key: 'submitted', label: 'Change accepted' },
  { key: 'control-plane', label: 'Updating the control plane' },
  { key: 'nodes', label: 'Replacing nodes, pool by pool' },
  { key: 'finishing', label: 'Finishing' },
  { key: 'end', label: 'Done' },
];

const ORDER: Record<RolloutStage, number> = { submitted: 0, 'control-plane': 1, updating: 1, nodes: 2, finishing: 3, succeeded: 4, failed: 4, canceled: 4 };

/** The overall stages as an ordered list; the current one is marked for assistive technology too. */
export function StageList({ progress }: { progress: RolloutProgress }) {
  const current = ORDER[progress.stage];
  const ended = progress.stage === 'failed' || progress.stage === 'canceled';
  return (
    <ol className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Rollout stages" data-testid="rollout-stages">
      {STEPS.map((step, index) => {
        const isCurrent = index === current;
        const done = index < current || (index === current && progress.stage === 'succeeded');
        const label = step.key === 'end' && ended ? (progress.stage === 'failed' ? 'Failed' : 'Canceled') : step.key === 'nodes' && progress.currentPool && isCurrent ? `Replacing nodes: pool ${progress.currentPool}` : step.label;
        const Icon = step.key === 'end' && ended ? XCircle : done ? CheckCircle2 : isCurrent ? CircleDot : Circle;
        return (
          <li key={step.key} aria-current={isCurrent ? 'step' : undefined} className={`inline-flex items-center gap-1.5 ${isCurrent ? 'font-semibold' : done ? '' : 'text-slate-600 dark:text-slate-400'}`}>
            <Icon aria-hidden="true" className="h-4 w-4" />
            {label}
            <span className="sr-only">{done ? ' (done)' : isCurrent ? ' (current)' : ' (to come)'}</span>
          </li>
        );
      })}
    </ol>
  );
}
