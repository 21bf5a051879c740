'use client';
import { useEffect, useState } from 'react';
import { listSubscriptions } from '@/app/actions/inventory';
import { useAuth } from '@/components/auth/auth-context';

/** One list read per tenant per page load: every place that shows a subscription id asks for its name here. */
const names = new Map<string, Promise<Map<string, string>>>();

function subscriptionNames(tenantKey: string, read: () => Promise<Map<string, string>>) {
  let pending = names.get(tenantKey);
  if (!pending) {
    pending = read().catch(() => {
      names.delete(tenantKey); // a failed read is asked again next time
      return new Map<string, string>();
    });
    names.set(tenantKey, pending);
  }
  return pending;
}

/**
 * The display name of a subscription (ARM's subscription list, the one the inventory reads), or null while it
 * loads or when the caller cannot list it: the id is shown beside it either way.
 */
export function useSubscriptionName(subscriptionId: string, tenantId: string | undefined): string | null {
  const { getArmToken, state } = useAuth();
  const signedIn = state.status === 'signed-in';
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!signedIn) return;
    let current = true;
    void subscriptionNames(tenantId ?? '', async () => {
      const result = await listSubscriptions(await getArmToken(tenantId));
      if (!result.ok) throw new Error(result.error.code);
      return new Map(result.data.map((subscription) => [subscription.subscriptionId, subscription.displayName]));
    }).then((map) => {
      const found = map.get(subscriptionId);
      if (current) setName(found && found !== subscriptionId ? found : null);
    });
    return () => {
      current = false;
    };
  }, [getArmToken, signedIn, tenantId, subscriptionId]);
  return name;
}
