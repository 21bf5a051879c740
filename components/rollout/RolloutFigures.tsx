import type { RolloutProgress } from '@/lib/rollout/progress';
import { formatDuration } from './format';

/** Nodes renewed (or what is known of them), elapsed time and an estimate of the time left. */
export function RolloutFigures({ progress }: { progress: RolloutProgress }) {
  const unknownPools = progress.pools.filter((p) => p.stage !== 'not-rolled' && p.updated === null).map((p) => p.name);
  return (
    <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="rollout-figures">
      <dt className="font-medium">Nodes on the new CA list</dt>
      <dd data-testid="updated-total" data-updated={progress.updated ?? 'unknown'} data-total={progress.total}>
        {progress.updated !== null
          ? `${progress.updated} of ${progress.total}`
          : `unknown: at least ${progress.updatedKnown} of ${progress.total} (per-node progress unknown for ${unknownPools.join(', ')})`}
      </dd>
      <dt className="font-medium">Elapsed</dt>
      <dd>{progress.elapsedMs === null ? 'unknown (start time not available)' : formatDuration(progress.elapsedMs)}</dd>
      {!progress.terminal && (
        <>
          <dt className="font-medium">Time left</dt>
          <dd>
            {progress.remainingMs === null
              ? progress.updated === null
                ? 'no estimate without per-node progress'
                : 'estimated once the first nodes are renewed'
              : `about ${formatDuration(progress.remainingMs)} (estimate)`}
          </dd>
        </>
      )}
    </dl>
  );
}
