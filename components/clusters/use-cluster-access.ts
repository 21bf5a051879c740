'use client';
import { useEffect, useState } from 'react';
import type { ClusterRef } from '@/lib/azure/resource-names';
import type { WriteAccess } from '@/lib/clusters/apply-gate';
import { getClusterPermissions } from '@/app/actions/cluster';
import { useAuth } from '@/components/auth/auth-context';
import { toClientError } from './client-error';

/**
 * What the caller may do on the cluster, asked of ARM's permissions API once per cluster and tenant, before any
 * edit. When the question itself fails the answer is `unknown`: the editor stays usable and ARM checks at write time.
 */
export function useClusterAccess(
  { subscriptionId, resourceGroup, name }: ClusterRef,
  tenantId: string | undefined,
): WriteAccess {
  const { getArmToken } = useAuth();
  const [access, setAccess] = useState<WriteAccess>({ status: 'checking' });
  useEffect(() => {
    if (!tenantId) return;
    let current = true;
    setAccess({ status: 'checking' });
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
    })().then((answer) => {
      if (current) setAccess(answer);
    });
    return () => {
      current = false;
    };
  }, [getArmToken, tenantId, subscriptionId, resourceGroup, name]);
  return access;
}
