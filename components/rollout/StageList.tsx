import { Ban, CheckCircle2, Circle, CircleDot, CircleHelp, Loader2, XCircle } from 'lucide-react';
import type { Stage, StageState } from '@/lib/rollout/stages';

const ICONS: Record<StageState, typeof Circle> = {
  complete: CheckCircle2,
  current: CircleDot,
  'to-come': Circle,
  'not-reached': Circle,
  failed: XCircle,
  canceled: Ban,
  canceling: Loader2,
  unknown: CircleHelp,
};

const WORDS: Record<StageState, string> = {
  complete: 'done',
  current: 'current',
  'to-come': 'to come',
  'not-reached': 'not reached',
  failed: 'failed',
  canceled: 'canceled',
  canceling: 'canceling',
  unknown: 'unknown',
};

/** The overall stages, each with its state in words too (never only a colour or an icon). */
export function StageList({ stages }: { stages: Stage[] }) {
  if (stages.length === 0) return null;
  return (
    <ol className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Rollout stages" data-testid="rollout-stages">
      {stages.map((stage) => {
        const Icon = ICONS[stage.state];
        const current = stage.state === 'current' || stage.state === 'canceling';
        return (
          <li
            key={stage.key}
            data-stage={stage.key}
            data-state={stage.state}
            aria-current={current ? 'step' : undefined}
            title={stage.note}
            className={`inline-flex items-center gap-1.5 ${current ? 'font-semibold' : stage.state === 'complete' ? '' : 'text-slate-600 dark:text-slate-400'}`}
          >
            <Icon aria-hidden="true" className="h-4 w-4" />
            {stage.label}
            <span className="text-xs">({WORDS[stage.state]})</span>
          </li>
        );
      })}
    </ol>
  );
}
