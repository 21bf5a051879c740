import type { MachineState, PoolProgress } from '@/lib/rollout/pool-progress';

const STATE: Record<MachineState, string> = {
  updated: 'on the new CA list',
  updating: 'being renewed',
  pending: 'not renewed yet',
  deleting: 'being deleted',
  unknown: '',
};
const SHOWN = 200;

/** The machines of a pool, collapsed; bounded so that a 1,000-node pool does not flood the page. */
export function PoolMachines({ pool, baselineLabel }: { pool: PoolProgress; baselineLabel: string }) {
  const shown = pool.machines.slice(0, SHOWN);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Machines ({pool.machineCount})</summary>
      <ul className="mt-1 grid gap-0.5 font-mono text-xs sm:grid-cols-2">
        {shown.map((machine) => (
          <li key={machine.name}>
            {machine.name}{' '}
            <span className="font-sans text-slate-600 dark:text-slate-400">
              — {machine.role === 'before' ? baselineLabel : 'new'}
              {STATE[machine.state] && `, ${STATE[machine.state]}`}
            </span>
          </li>
        ))}
      </ul>
      {pool.machines.length > SHOWN && <p className="mt-1 text-xs">and {pool.machines.length - SHOWN} more.</p>}
      {pool.machinesReadAt && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Listed at {new Date(pool.machinesReadAt).toLocaleTimeString()}.
        </p>
      )}
    </details>
  );
}
