'use client';
import { useMemo } from 'react';
import type { FleetClusterRef } from '@/lib/fleet';
import { FIELD } from '@/components/ui/buttons';
import { scopeOptions } from './scope-options';

export interface TenantAndSubscription {
  tenantId?: string;
  subscriptionId?: string;
}

/** The tenant and subscription pickers of the fleet's forms: choosing a tenant clears the subscription. */
export function TenantSubscriptionFields({
  clusters,
  value,
  onChange,
  subscriptionClassName,
}: {
  clusters: readonly FleetClusterRef[];
  value: TenantAndSubscription;
  onChange: (next: TenantAndSubscription) => void;
  /** Width of the subscription select (full class names, e.g. `max-w-xs`). */
  subscriptionClassName: string;
}) {
  const { tenants, subscriptions } = useMemo(() => scopeOptions(clusters, value.tenantId), [clusters, value.tenantId]);
  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Tenant</span>
        <select
          className={FIELD}
          value={value.tenantId ?? ''}
          onChange={(event) => onChange({ tenantId: event.target.value || undefined, subscriptionId: undefined })}
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
          className={`${FIELD} ${subscriptionClassName}`}
          value={value.subscriptionId ?? ''}
          onChange={(event) => onChange({ tenantId: value.tenantId, subscriptionId: event.target.value || undefined })}
        >
          <option value="">All subscriptions</option>
          {subscriptions.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
