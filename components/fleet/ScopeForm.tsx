'use client';
import type { FleetClusterRef, FleetScope } from '@/lib/fleet';
import { FIELD } from '@/components/ui/buttons';
import { TenantSubscriptionFields } from './TenantSubscriptionFields';

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
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label="Scope" onSubmit={(event) => event.preventDefault()}>
      <TenantSubscriptionFields
        clusters={clusters}
        value={scope}
        onChange={(next) => onChange({ ...scope, ...next })}
        subscriptionClassName="max-w-full"
      />
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
