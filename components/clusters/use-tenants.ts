'use client';
import { useEffect, useState } from 'react';
import { listTenants } from '@/app/actions/inventory';
import type { TenantSummary } from '@/lib/clusters/types';
import { useAuth } from '@/components/auth/auth-context';

/** The tenants the signed-in account can reach (for the tenant picker); errors leave just the home tenant. */
export function useTenants(homeTenantId: string | undefined): TenantSummary[] {
  const { getArmToken } = useAuth();
  const [tenants, setTenants] = useState<TenantSummary[]>([]);
  useEffect(() => {
    if (!homeTenantId) return;
    let cancelled = false;
    (async () => {
      const result = await listTenants(await getArmToken(homeTenantId));
      if (!cancelled && result.ok) setTenants(result.data);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [getArmToken, homeTenantId]);
  return tenants;
}
