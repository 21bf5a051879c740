'use client';
import { useMemo } from 'react';
import type { FleetClusterRef, FleetScope } from '@/lib/fleet';
import { scopeOptions } from './scope-options';

const FIELD = 'rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Which clusters a question is about: tenant, subscription and a name filter (cluster or resource group). */
export function ScopeForm({
  scope,
  clusters,
  onChange,
}: {
  scope: FleetScope;
  clusters: FleetClusterRef[];
  onChange: (scope: FleetScope) => void;
}) {
  const { tenants, subscriptions } = useMemo(() => scopeOptions(clusters, scope.tenantId), [clusters, scope.tenantId]);
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label="Scope" onSubmit={(event) => event.preventDefault()}>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Tenant</span>
        <select
          className={FIELD}
          value={scope.tenantId ?? ''}
          onChange={(event) =>
            onChange({ ...scope, tenantId: event.target.value || undefined, subscriptionId: undefined })
          }
        >
          <option value="">All tenants</option>
          {tenants.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Subscription</span>
        <select
          className={`${FIELD} max-w-full`}
          value={scope.subscriptionId ?? ''}
          onChange={(event) => onChange({ ...scope, subscriptionId: event.target.value || undefined })}
        >
          <option value="">All subscriptions</option>
          {subscriptions.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Cluster or resource group contains</span>
        <input
          type="search"
          className={FIELD}
          value={scope.name ?? ''}
          onChange={(event) => onChange({ ...scope, name: event.target.value || undefined })}
          autoComplete="off"
        />
      </label>
    </form>
  );
}
