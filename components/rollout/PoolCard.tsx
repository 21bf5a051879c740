import type { PoolProgress, PoolStage } from '@/lib/rollout/pool-progress';
import { Badge } from '@/components/ui/Badge';

const STAGE_LABELS: Record<PoolStage, { text: string; tone: 'neutral' | 'info' | 'danger' | 'warning' }> = {
  waiting: { text: 'Waiting its turn', tone: 'neutral' },
  replacing: { text: 'Replacing nodes', tone: 'info' },
  done: { text: 'Done', tone: 'neutral' },
  failed: { text: 'Failed', tone: 'danger' },
  canceled: { text: 'Canceled', tone: 'warning' },
  'not-rolled': { text: 'Not reimaged', tone: 'warning' },
};

/** One agent pool: old nodes replaced of total, surge, and the machines coming and going. */
export function PoolCard({ pool, baselineLabel }: { pool: PoolProgress; baselineLabel: string }) {
  const stage = STAGE_LABELS[pool.stage];
  const rolled = pool.stage !== 'not-rolled';
  const percent = pool.total > 0 ? Math.round((Math.min(pool.replaced, pool.total) / pool.total) * 100) : 100;
  const headingId = `pool-${pool.name}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
      data-testid="pool"
      data-pool={pool.name}
      data-stage={pool.stage}
      data-replaced={pool.replaced}
      data-total={pool.total}
      data-machines={pool.machineCount}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          Pool {pool.name} <span className="font-normal text-slate-600 dark:text-slate-400">({pool.osType})</span>
        </h3>
        <span className="inline-flex gap-1">
          <Badge tone={stage.tone}>{stage.text}</Badge>
          <Badge tone={pool.provisioningState === 'Failed' ? 'danger' : 'neutral'}>ARM: {pool.provisioningState}</Badge>
        </span>
      </div>
      {rolled ? (
        <>
          <div
            role="progressbar"
            aria-label={`Pool ${pool.name}: old nodes replaced`}
            aria-valuemin={0}
            aria-valuemax={pool.total}
            aria-valuenow={Math.min(pool.replaced, pool.total)}
            aria-valuetext={`${pool.replaced} of ${pool.total}`}
            className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full bg-sky-700 transition-[width] dark:bg-sky-400" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm" data-testid="pool-counts">
            {pool.replaced} of {pool.total} old nodes replaced · {pool.machineCount} machine{pool.machineCount === 1 ? '' : 's'} now
            {pool.surge > 0 && ` (${pool.surge} surge)`}
            {pool.countChange !== 0 && ` · target count ${pool.countChange > 0 ? 'grew' : 'shrank'} by ${Math.abs(pool.countChange)} to ${pool.count}`}
          </p>
        </>
      ) : (
        <p className="text-sm">A CA change does not reimage {pool.osType} pools: these {pool.machineCount} nodes keep their trust store.</p>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer">Machines ({pool.machineCount})</summary>
        <ul className="mt-1 grid gap-0.5 font-mono text-xs sm:grid-cols-2">
          {pool.oldRemaining.map((name) => (
            <li key={name}>
              {name} <span className="font-sans text-slate-600 dark:text-slate-400">— {baselineLabel}</span>
            </li>
          ))}
          {pool.newMachines.map((name) => (
            <li key={name}>
              {name} <span className="font-sans text-slate-600 dark:text-slate-400">— new</span>
            </li>
          ))}
        </ul>
        {pool.machinesReadAt && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Listed at {new Date(pool.machinesReadAt).toLocaleTimeString()}.</p>}
      </details>
    </section>
  );
}
