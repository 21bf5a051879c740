import { CheckCircle2, Ban, XCircle } from 'lucide-react';
import type { RolloutProgress } from '@/lib/rollout/progress';
import type { ClusterRef } from '@/lib/clusters/types';
import { OperationErrorText } from './OperationErrorText';
import { TrustedBundle } from './TrustedBundle';

/** The end of a rollout: what happened, in ARM's words when it failed, and what to do next. */
export function RolloutOutcome({
  progress,
  cluster,
  caBundle,
}: {
  progress: RolloutProgress;
  cluster: ClusterRef;
  caBundle: string[] | null;
}) {
  const terminal = progress.terminal;
  if (!terminal) return null;
  const rolled = progress.pools.filter((pool) => pool.stage !== 'not-rolled');
  const finished = rolled.filter((pool) => pool.stage === 'done');
  const unfinished = rolled.filter((pool) => pool.stage !== 'done');
  const retry = `az aks update --resource-group ${cluster.resourceGroup} --name ${cluster.name} --custom-ca-trust-certificates <file>`;

  if (terminal.outcome === 'succeeded') {
    return (
      <section
        aria-labelledby="outcome-heading"
        className="space-y-2 rounded border border-emerald-700 p-4 dark:border-emerald-500"
        data-testid="rollout-outcome"
        data-outcome="succeeded"
      >
        <h2 id="outcome-heading" className="inline-flex items-center gap-2 text-lg font-semibold">
          <CheckCircle2 aria-hidden="true" className="h-5 w-5" /> Rollout succeeded
        </h2>
        <p className="text-sm">
          Azure reports the operation succeeded: every Linux node pool was renewed ({progress.total} node
          {progress.total === 1 ? '' : 's'}); they trust the CA list below. Pods do not see node trust stores.
        </p>
        {caBundle && <TrustedBundle caBundle={caBundle} />}
      </section>
    );
  }

  const failed = terminal.outcome === 'failed';
  const Icon = failed ? XCircle : Ban;
  return (
    <section
      aria-labelledby="outcome-heading"
      className={`space-y-3 rounded border p-4 ${failed ? 'border-red-700 dark:border-red-400' : 'border-amber-700 dark:border-amber-400'}`}
      data-testid="rollout-outcome"
      data-outcome={failed ? 'failed' : 'canceled'}
    >
      <h2 id="outcome-heading" className="inline-flex items-center gap-2 text-lg font-semibold">
        <Icon aria-hidden="true" className="h-5 w-5" /> Rollout {failed ? 'failed' : 'canceled'}
      </h2>
      {terminal.error && <OperationErrorText error={terminal.error} />}
      {!terminal.error && progress.statusText === null && (
        <p className="text-sm">
          ARM&apos;s error text is in the operation status, which only the browser that applied the change can read; the
          cluster reads {failed ? 'Failed' : 'Canceled'}.
        </p>
      )}
      <div className="text-sm" data-testid="pool-outcomes">
        <p>
          {finished.length > 0
            ? `Finished, nodes trust the new CA list: ${finished.map((p) => p.name).join(', ')}.`
            : 'No pool finished.'}{' '}
          {unfinished.length > 0 &&
            `Not finished, still running nodes with the old CA list: ${unfinished.map((p) => `${p.name} (${p.updated === null ? 'unknown' : p.updated} of ${p.total} renewed)`).join(', ')}.`}
        </p>
      </div>
      <div className="text-sm">
        <h3 className="font-semibold">What to do next</h3>
        <ol className="ml-5 list-decimal space-y-1">
          {failed && (
            <li>
              Read the error above. A drain failure usually means a PodDisruptionBudget that allows no disruption, or
              pods that do not leave the node in time.
            </li>
          )}
          <li>
            The cluster is {failed ? 'Failed' : 'Canceled'} until the next successful operation; running workloads keep
            running.
          </li>
          <li>
            Apply the same CA list again from the cluster page, or with{' '}
            <code className="font-mono text-xs break-all select-all">{retry}</code>, to finish the pools that were not
            replaced.
          </li>
        </ol>
      </div>
    </section>
  );
}
