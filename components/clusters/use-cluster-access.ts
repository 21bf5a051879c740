'use client';
import { useEffect, useState } from 'react';
import type { ClusterRef } from '@/lib/clusters/types';
import type { WriteAccess } from '@/lib/clusters/apply-gate';
import { getClusterPermissions } from '@/app/actions/cluster';
import { useAuth } from '@/components/auth/auth-context';
import { toClientError } from './client-error';

const CHECKING: WriteAccess = { status: 'checking' };

/**
 * What the caller may do on the cluster, asked of ARM's permissions API once per cluster and tenant, before any
 * edit. When the question itself fails the answer is `unknown`: the editor stays usable and ARM checks at write time.
 */
export function useClusterAccess(
  { subscriptionId, resourceGroup, name }: ClusterRef,
  tenantId: string | undefined,
): WriteAccess {
  const { getArmToken } = useAuth();
  const key = tenantId ? `${tenantId}/${subscriptionId}/${resourceGroup}/${name}` : null;
  // The answer remembers which cluster it is for: a new cluster or tenant reads as "checking" until its own arrives.
  const [answer, setAnswer] = useState<{ key: string; access: WriteAccess } | null>(null);
  useEffect(() => {
    if (!key || !tenantId) return;
    let current = true;
    (async (): Promise<WriteAccess> => {
      try {
        const result = await getClusterPermissions(await getArmToken(tenantId), {
          subscriptionId,
          resourceGroup,
          name,
        });
        if (!result.ok) return { status: 'unknown', message: result.error.message };
        return result.data.canWrite ? { status: 'allowed' } : { status: 'denied', action: result.data.writeAction };
      } catch (cause) {
        return { status: 'unknown', message: toClientError(cause, 'PermissionsCheckFailed').message };
      }
    })().then((access) => {
      if (current) setAnswer({ key, access });
    });
    return () => {
      current = false;
    };
  }, [getArmToken, key, tenantId, subscriptionId, resourceGroup, name]);
  return answer && answer.key === key ? answer.access : CHECKING;
}
