'use client';
import { useSubscriptionName } from './use-subscription-name';

/** A subscription as people know it: its display name, with the id beside it (copyable, for az and ARM). */
export function SubscriptionName({ subscriptionId, tenantId }: { subscriptionId: string; tenantId?: string }) {
  const name = useSubscriptionName(subscriptionId, tenantId);
  return (
    <span data-testid="subscription-name" data-subscription-id={subscriptionId}>
      {name && <span className="font-medium">{name} </span>}
      <span className="font-mono text-xs break-all">{name ? `(${subscriptionId})` : subscriptionId}</span>
    </span>
  );
}
