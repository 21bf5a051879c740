'use client';
import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { RefreshCw } from 'lucide-react';
import {
  filterRows,
  parseView,
  sortRows,
  viewToParams,
  type InventoryView as View,
  type SortKey,
} from '@/lib/inventory/view';
import { SignInAgain } from '@/components/auth/SignInAgain';
import { ErrorAlert } from '@/components/ui/Alert';
import { needsSignIn } from './client-error';
import { BaselineDriftProvider } from './BaselineDrift';
import { ClusterTable } from './ClusterTable';
import { PlanChangeLink } from './PlanChangeLink';
import { InventoryFilters } from './InventoryFilters';
import { SubscriptionList } from './SubscriptionList';
import { TenantList } from './TenantList';
import { useInventory } from './use-inventory';
import { useClusterRows, useMinuteClock } from './use-cluster-rows';
import { useStableRows } from './use-stable-rows';

export function InventoryView({ homeTenantId }: { homeTenantId: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const view = useMemo(() => parseView(new URLSearchParams(params.toString())), [params]);

  const { state, refresh, retrySubscription, retryTenant, signInToTenant } = useInventory(homeTenantId);
  const tenants = useMemo(() => state.tenants.map((t) => t.summary), [state.tenants]);
  const tenantNames = useMemo(() => new Map(tenants.map((t) => [t.tenantId, t.displayName])), [tenants]);
  const now = useMinuteClock();
  const rows = useClusterRows(state.subscriptions, now, tenants);
  const sorted = useMemo(() => sortRows(filterRows(rows, view), view), [rows, view]);
  const loading = state.phase === 'loading' || state.phase === 'idle';
  // Rows appear once their CA list is decoded, which can be after the last event: the load has settled when every
  // loaded cluster has its row.
  const clusterCount = state.subscriptions.reduce((sum, s) => sum + s.clusters.length, 0);
  const settling = loading || rows.length < clusterCount;
  const { rows: visible, unsorted, apply, redraws } = useStableRows(sorted, viewToParams(view).toString(), settling);
  const states = useMemo(() => [...new Set(rows.map((row) => row.provisioningState))].sort(), [rows]);

  // The view lives in the URL. history.replaceState (which Next's router follows) changes it without a server
  // round trip; each change patches the address bar as it is now, so quick successive changes all stick.
  const navigate = useCallback(
    (patch: Partial<View>) => {
      const query = viewToParams({ ...parseView(new URLSearchParams(window.location.search)), ...patch });
      window.history.replaceState(null, '', query.size ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  const onSort = (key: SortKey) =>
    navigate({ sort: key, dir: view.sort === key && view.dir === 'asc' ? 'desc' : 'asc' });

  const loaded = state.subscriptions.filter((s) => s.status !== 'loading').length;
  const total = state.subscriptions.length;
  const tenantsWaiting = state.tenants.filter((t) => t.status !== 'loaded').length;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Clusters and the CAs they trust</h1>
        <button
          type="button"
          onClick={() => void refresh()}
          disabled={loading}
          className="inline-flex items-center gap-1 rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          <RefreshCw aria-hidden="true" className={`h-4 w-4 ${loading ? 'animate-spin' : ''}`} /> Refresh
        </button>
      </div>

      <p role="status" className="min-h-5 text-sm text-slate-700 dark:text-slate-300" data-testid="inventory-status">
        {loading
          ? `Loading: ${loaded} of ${total || '…'} subscriptions answered.`
          : state.phase === 'done'
            ? `${rows.length} cluster${rows.length === 1 ? '' : 's'} in ${total} subscription${total === 1 ? '' : 's'}.`
            : ''}
      </p>

      {state.phase === 'failed' &&
        state.error &&
        (needsSignIn(state.error) ? (
          <SignInAgain message={state.error.message} tenantId={homeTenantId} what="list your clusters" />
        ) : (
          <ErrorAlert title="The inventory could not be loaded">{state.error.message}</ErrorAlert>
        ))}

      <TenantList
        tenants={state.tenants}
        onSignIn={(id) => void signInToTenant(id)}
        onRetry={(id) => void retryTenant(id)}
      />

      {state.phase === 'done' && total === 0 && tenantsWaiting === 0 && (
        <div className="rounded border border-dashed border-slate-400 p-6" data-testid="empty-subscriptions">
          <h2 className="font-semibold">No subscriptions</h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Your account has no role on any subscription in the tenants it can reach. Ask an owner for at least the
            Reader role, then refresh.
          </p>
        </div>
      )}

      {total > 0 && (
        <>
          <InventoryFilters
            view={view}
            onChange={(patch) => navigate(patch)}
            subscriptions={state.subscriptions.map((s) => s.summary)}
            tenants={tenants}
            states={states}
          />
          {rows.length > 0 || loading ? (
            <>
              {/* One line of fixed height: its content changes, never the space it takes. */}
              <div className="flex min-h-8 flex-wrap items-center gap-x-3 text-sm text-slate-700 dark:text-slate-300">
                <p aria-live="polite">
                  Showing {visible.length} of {rows.length} clusters
                  {tenants.length > 1 ? ` in ${tenants.length} tenants` : ''}.
                </p>
                {unsorted > 0 && (
                  <p className="inline-flex items-center gap-2" data-testid="unsorted-rows">
                    {unsorted} row{unsorted === 1 ? '' : 's'} arrived after sorting and {unsorted === 1 ? 'is' : 'are'}{' '}
                    listed last.
                    <button
                      type="button"
                      onClick={apply}
                      className="h-7 rounded border border-slate-400 px-2 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                    >
                      Sort now
                    </button>
                  </p>
                )}
              </div>
              <BaselineDriftProvider rows={visible} actions={<PlanChangeLink view={view} rows={visible} />}>
                <ClusterTable rows={visible} view={view} onSort={onSort} now={now} loading={loading} redraw={redraws} />
              </BaselineDriftProvider>
            </>
          ) : (
            state.phase === 'done' && (
              <div className="rounded border border-dashed border-slate-400 p-6" data-testid="empty-clusters">
                <h2 className="font-semibold">No AKS clusters</h2>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  None of these subscriptions has a managed cluster you can see.
                </p>
              </div>
            )
          )}
          <SubscriptionList
            subscriptions={state.subscriptions}
            tenantNames={tenantNames}
            onRetry={(id) => void retrySubscription(id)}
          />
        </>
      )}
    </div>
  );
}
