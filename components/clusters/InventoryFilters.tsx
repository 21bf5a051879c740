'use client';
import type { SubscriptionSummary, TenantSummary } from '@/lib/clusters/types';
import { EXPIRY_FILTERS, SORT_KEYS, type ExpiryFilter, type InventoryView, type SortKey } from '@/lib/inventory/view';

const EXPIRY_FILTER_LABELS: Record<ExpiryFilter, string> = {
  any: 'Any',
  attention: 'Needs attention',
  expired: 'Expired',
  critical: 'Critical (7 days or less)',
  expiring: 'Expiring (30 days or less)',
  ok: 'OK',
  'not-yet-valid': 'Not yet valid',
  none: 'No custom CA',
};

export const SORT_LABELS: Record<SortKey, string> = {
  name: 'Cluster',
  tenant: 'Tenant',
  resourceGroup: 'Resource group',
  subscription: 'Subscription',
  location: 'Location',
  kubernetesVersion: 'Kubernetes',
  provisioningState: 'State',
  caCount: 'Custom CAs',
  expiry: 'Earliest CA expiry',
  nodes: 'Node pools',
};

const fieldClass =
  'w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';
// Fixed widths from 640 px: options arriving (tenants, subscriptions) must not resize a field and move the others.
const labelBase = 'flex w-full flex-col gap-1 text-sm';
const labelClass = `${labelBase} sm:w-48`;

export function InventoryFilters({
  view,
  onChange,
  subscriptions,
  tenants,
  states,
}: {
  view: InventoryView;
  onChange: (patch: Partial<InventoryView>) => void;
  subscriptions: SubscriptionSummary[];
  tenants: TenantSummary[];
  states: string[];
}) {
  const shownSubscriptions = view.tenant ? subscriptions.filter((s) => s.tenantId === view.tenant) : subscriptions;
  return (
    <form
      role="search"
      aria-label="Filter clusters"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className={`${labelBase} sm:w-72`}>
        <span className="font-medium">Search by name</span>
        <input
          type="search"
          value={view.q}
          onChange={(event) => onChange({ q: event.target.value })}
          placeholder="cluster or resource group"
          className={fieldClass}
        />
      </label>
      {/* Always there (a tenant list that answers late must not push the fields). */}
      <label className={labelClass}>
        <span className="font-medium">Tenant</span>
        <select
          value={view.tenant}
          onChange={(event) => onChange({ tenant: event.target.value, subscription: '' })}
          className={fieldClass}
        >
          <option value="">All tenants</option>
          {tenants.map((tenant) => (
            <option key={tenant.tenantId} value={tenant.tenantId}>
              {tenant.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        <span className="font-medium">Subscription</span>
        <select
          value={view.subscription}
          onChange={(event) => onChange({ subscription: event.target.value })}
          className={fieldClass}
        >
          <option value="">All subscriptions</option>
          {shownSubscriptions.map((s) => (
            <option key={s.subscriptionId} value={s.subscriptionId}>
              {s.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        <span className="font-medium">State</span>
        <select value={view.state} onChange={(event) => onChange({ state: event.target.value })} className={fieldClass}>
          <option value="">Any state</option>
          {states.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        <span className="font-medium">CA expiry</span>
        <select
          value={view.expiry}
          onChange={(event) => onChange({ expiry: event.target.value as ExpiryFilter })}
          className={fieldClass}
        >
          {EXPIRY_FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {EXPIRY_FILTER_LABELS[filter]}
            </option>
          ))}
        </select>
      </label>
      {/* Below 768 px most column headers are folded away: sorting by them is offered here. */}
      <label className={`${labelClass} md:hidden`}>
        <span className="font-medium">Sort by</span>
        <select
          value={`${view.sort}:${view.dir}`}
          onChange={(event) => {
            const [sort, dir] = event.target.value.split(':') as [SortKey, 'asc' | 'desc'];
            onChange({ sort, dir });
          }}
          className={fieldClass}
        >
          {SORT_KEYS.flatMap((key) => [
            <option key={`${key}:asc`} value={`${key}:asc`}>
              {SORT_LABELS[key]} (ascending)
            </option>,
            <option key={`${key}:desc`} value={`${key}:desc`}>
              {SORT_LABELS[key]} (descending)
            </option>,
          ])}
        </select>
      </label>
    </form>
  );
}
