'use client';
import { Loader2, RotateCw } from 'lucide-react';
import { ErrorAlert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import type { SubscriptionLoad } from './use-inventory';

/** Every subscription with its own load state: one that fails shows its error and a retry; the rest load. */
export function SubscriptionList({
  subscriptions,
  tenantNames,
  onRetry,
}: {
  subscriptions: SubscriptionLoad[];
  /** Tenant display names by id, from the tenant list; a tenant not (yet) named shows its id. */
  tenantNames: ReadonlyMap<string, string>;
  onRetry: (subscriptionId: string) => void;
}) {
  return (
    <section aria-labelledby="subscriptions-heading" className="space-y-2">
      <h2 id="subscriptions-heading" className="text-lg font-semibold">
        Subscriptions ({subscriptions.length})
      </h2>
      <ul className="grid gap-2 md:grid-cols-2">
        {subscriptions.map(({ summary, status, clusters, error }) => (
          <li
            key={summary.subscriptionId}
            className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
            data-testid="subscription"
            data-subscription={summary.displayName}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{summary.displayName}</span>
              <span className="inline-flex items-center gap-2">
                {summary.state !== 'Enabled' && <Badge tone="warning">{summary.state}</Badge>}
                {status === 'loading' && (
                  <span className="inline-flex items-center gap-1 text-slate-600 dark:text-slate-400">
                    <Loader2 aria-hidden="true" className="h-3.5 w-3.5 animate-spin" /> Loading clusters…
                  </span>
                )}
                {status === 'loaded' && (
                  <span data-testid="subscription-cluster-count">
                    {clusters.length} cluster{clusters.length === 1 ? '' : 's'}
                  </span>
                )}
              </span>
            </div>
            <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
              {summary.subscriptionId} ·{' '}
              <span className="font-sans" title={`Tenant ${summary.tenantId}`}>
                tenant <bdi>{tenantNames.get(summary.tenantId) ?? summary.tenantId}</bdi>
              </span>
            </p>
            {status === 'failed' && error && (
              <div className="mt-2 space-y-2">
                <ErrorAlert title={`Clusters of ${summary.displayName} could not be listed`}>
                  {error.message}
                </ErrorAlert>
                <button
                  type="button"
                  onClick={() => onRetry(summary.subscriptionId)}
                  className="inline-flex items-center gap-1 rounded border border-slate-400 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                >
                  <RotateCw aria-hidden="true" className="h-3.5 w-3.5" /> Retry {summary.displayName}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
