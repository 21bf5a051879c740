import type { PoolProgress, PoolStage } from '@/lib/rollout/pool-progress';
import { Badge } from '@/components/ui/Badge';
import { PoolMachines } from './PoolMachines';

const STAGE_LABELS: Record<PoolStage, { text: string; tone: 'neutral' | 'info' | 'danger' | 'warning' }> = {
  waiting: { text: 'Nothing moved yet', tone: 'neutral' },
  updating: { text: 'Renewing nodes', tone: 'info' },
  done: { text: 'Done', tone: 'neutral' },
  failed: { text: 'Failed', tone: 'danger' },
  canceling: { text: 'Canceling', tone: 'warning' },
  canceled: { text: 'Canceled', tone: 'warning' },
  stopped: { text: 'Not finished', tone: 'warning' },
  unknown: { text: 'Progress unknown', tone: 'warning' },
  unchanged: { text: 'No operation', tone: 'neutral' },
  'not-rolled': { text: 'Not renewed', tone: 'warning' },
};

const BEHAVIOUR: Record<PoolProgress['behaviour'], string> = {
  replace: 'nodes replaced by new machines',
  reimage: 'nodes reimaged in place (names kept)',
  unknown: 'replace or reimage: not seen yet',
};

const SIGNAL: Record<PoolProgress['signal'], string> = {
  vmss: 'per node, from VMSS VMs',
  machines: 'from machine names only',
  none: 'no per-node signal',
};

/** One agent pool: nodes on the new configuration of total (or "unknown"), surge, and the machines. */
export function PoolCard({ pool, baselineLabel }: { pool: PoolProgress; baselineLabel: string }) {
  const stage = STAGE_LABELS[pool.stage];
  const rolled = pool.stage !== 'not-rolled';
  const known = pool.updated !== null;
  const updated = Math.min(pool.updated ?? 0, pool.total);
  const percent = pool.total > 0 ? Math.round((updated / pool.total) * 100) : 100;
  const headingId = `pool-${pool.name}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
      data-testid="pool"
      data-pool={pool.name}
      data-stage={pool.stage}
      data-updated={known ? pool.updated! : 'unknown'}
      data-total={pool.total}
      data-machines={pool.machineCount}
      data-signal={pool.signal}
      data-behaviour={pool.behaviour}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          Pool {pool.name} <span className="font-normal text-slate-600 dark:text-slate-400">({pool.osType})</span>
        </h3>
        <span className="inline-flex gap-1">
          <Badge tone={stage.tone}>{stage.text}</Badge>
          <Badge tone={pool.provisioningState.toLowerCase() === 'failed' ? 'danger' : 'neutral'}>
            ARM: {pool.provisioningState}
          </Badge>
        </span>
      </div>
      {rolled ? (
        <>
          {known ? (
            <div
              role="progressbar"
              aria-label={`Pool ${pool.name}: nodes on the new CA list`}
              aria-valuemin={0}
              aria-valuemax={pool.total}
              aria-valuenow={updated}
              aria-valuetext={`${updated} of ${pool.total}`}
              className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
            >
              <div className="h-full bg-sky-700 transition-[width] dark:bg-sky-400" style={{ width: `${percent}%` }} />
            </div>
          ) : null}
          <p className="text-sm" data-testid="pool-counts">
            {known
              ? `${updated} of ${pool.total} nodes on the new CA list`
              : `Per-node progress unknown (${pool.total} nodes to renew)`}{' '}
            · {pool.machineCount} machine{pool.machineCount === 1 ? '' : 's'} now
            {pool.surge > 0 && ` (${pool.surge} surge)`}
            {pool.countChange !== 0 &&
              ` · target count ${pool.countChange > 0 ? 'grew' : 'shrank'} by ${Math.abs(pool.countChange)} to ${pool.count}`}
          </p>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            Progress {SIGNAL[pool.signal]}; {BEHAVIOUR[pool.behaviour]}.
          </p>
          {pool.signalNote && (
            <p className="text-xs text-amber-900 dark:text-amber-200" data-testid="pool-signal-note">
              {pool.signalNote}
            </p>
          )}
        </>
      ) : (
        <p className="text-sm">
          A CA change does not renew {pool.osType} pools: these {pool.machineCount} nodes keep their trust store.
        </p>
      )}
      <PoolMachines pool={pool} baselineLabel={baselineLabel} />
    </section>
  );
}
