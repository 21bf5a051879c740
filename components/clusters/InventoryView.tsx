'use client';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
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
import { ClusterTable } from './ClusterTable';
import { InventoryFilters } from './InventoryFilters';
import { SubscriptionList } from './SubscriptionList';
import { useInventory } from './use-inventory';
import { useClusterRows, useMinuteClock } from './use-cluster-rows';
import { useTenants } from './use-tenants';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function InventoryView({ homeTenantId }: { homeTenantId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view = useMemo(() => parseView(new URLSearchParams(params.toString())), [params]);
  const requestedTenant = params.get('tenant');
  const tenantId = requestedTenant && GUID.test(requestedTenant) ? requestedTenant : homeTenantId;

  const tenants = useTenants(homeTenantId);
  const { state, refresh, retrySubscription } = useInventory(tenantId);
  const now = useMinuteClock();
  const rows = useClusterRows(state.subscriptions, now);
  const visible = useMemo(() => sortRows(filterRows(rows, view), view), [rows, view]);
  const states = useMemo(() => [...new Set(rows.map((row) => row.provisioningState))].sort(), [rows]);

  // Each change patches the latest intended URL, not the view this render saw: router.replace lands in the address
  // bar only when its transition commits, so two quick changes (a filter, then a tenant) must both stick.
  const intendedQuery = useRef<string | null>(null);
  useEffect(() => {
    if (intendedQuery.current === params.toString()) intendedQuery.current = null;
  }, [params]);
  const navigate = useCallback(
    (patch: Partial<View>, nextTenant?: string) => {
      const current = new URLSearchParams(intendedQuery.current ?? window.location.search);
      const query = viewToParams({ ...parseView(current), ...patch });
      const tenant = nextTenant ?? current.get('tenant');
      if (tenant && tenant !== homeTenantId) query.set('tenant', tenant);
      intendedQuery.current = query.toString();
      router.replace(query.size ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, homeTenantId],
  );
  const onSort = (key: SortKey) =>
    navigate({ sort: key, dir: view.sort === key && view.dir === 'asc' ? 'desc' : 'asc' });

  const loaded = state.subscriptions.filter((s) => s.status !== 'loading').length;
  const total = state.subscriptions.length;
  const loading = state.phase === 'loading' || state.phase === 'idle';

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Clusters and the CAs they trust</h1>
        <div className="flex flex-wrap items-end gap-3">
          {tenants.length > 1 && (
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">Tenant</span>
              <select
                value={tenantId}
                onChange={(event) => navigate({}, event.target.value)}
                className="rounded border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
              >
                {tenants.map((tenant) => (
                  <option key={tenant.tenantId} value={tenant.tenantId}>
                    {tenant.displayName}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            onClick={() => void refresh()}
            disabled={loading}
            className="inline-flex items-center gap-1 rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            <RefreshCw aria-hidden="true" className={`h-4 w-4 ${loading ? 'animate-spin' : ''}`} /> Refresh
          </button>
        </div>
      </div>

      <p role="status" className="text-sm text-slate-700 dark:text-slate-300" data-testid="inventory-status">
        {loading
          ? `Loading: ${loaded} of ${total || '…'} subscriptions answered.`
          : state.phase === 'done'
            ? `${rows.length} cluster${rows.length === 1 ? '' : 's'} in ${total} subscription${total === 1 ? '' : 's'}.`
            : ''}
      </p>

      {state.phase === 'failed' &&
        state.error &&
        (needsSignIn(state.error) ? (
          <SignInAgain message={state.error.message} tenantId={tenantId} what="list your clusters" />
        ) : (
          <ErrorAlert title="The inventory could not be loaded">{state.error.message}</ErrorAlert>
        ))}

      {state.phase === 'done' && total === 0 && (
        <div className="rounded border border-dashed border-slate-400 p-6" data-testid="empty-subscriptions">
          <h2 className="font-semibold">No subscriptions</h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Your account has no role on any subscription in this tenant. Ask an owner for at least the Reader role, then
            refresh.
          </p>
        </div>
      )}

      {total > 0 && (
        <>
          <InventoryFilters
            view={view}
            onChange={(patch) => navigate(patch)}
            subscriptions={state.subscriptions.map((s) => s.summary)}
            states={states}
          />
          {rows.length > 0 ? (
            <>
              <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
                Showing {visible.length} of {rows.length} clusters.
              </p>
              <ClusterTable rows={visible} view={view} onSort={onSort} now={now} />
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
          <SubscriptionList subscriptions={state.subscriptions} onRetry={(id) => void retrySubscription(id)} />
        </>
      )}
    </div>
  );
}
