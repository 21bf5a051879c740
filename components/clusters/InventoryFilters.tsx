'use client';
import type { SubscriptionSummary } from '@/lib/azure/models';
import { EXPIRY_FILTERS, type ExpiryFilter, type InventoryView } from '@/lib/inventory/view';

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

const fieldClass =
  'rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

export function InventoryFilters({
  view,
  onChange,
  subscriptions,
  states,
}: {
  view: InventoryView;
  onChange: (patch: Partial<InventoryView>) => void;
  subscriptions: SubscriptionSummary[];
  states: string[];
}) {
  return (
    <form
      role="search"
      aria-label="Filter clusters"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Search by name</span>
        <input
          type="search"
          value={view.q}
          onChange={(event) => onChange({ q: event.target.value })}
          placeholder="cluster or resource group"
          className={fieldClass}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Subscription</span>
        <select
          value={view.subscription}
          onChange={(event) => onChange({ subscription: event.target.value })}
          className={fieldClass}
        >
          <option value="">All subscriptions</option>
          {subscriptions.map((s) => (
            <option key={s.subscriptionId} value={s.subscriptionId}>
              {s.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
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
      <label className="flex flex-col gap-1 text-sm">
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
    </form>
  );
}
