'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '@/lib/action-result';
import { listTenants } from '@/app/actions/inventory';
import { useAuth } from '@/components/auth/auth-context';
import { codeOf, toClientError } from '@/components/clusters/client-error';
import { readInventoryStream } from '@/components/clusters/inventory-events';
import type { SubscriptionLoad } from '@/components/clusters/use-inventory';

type TenantList = Extract<Awaited<ReturnType<typeof listTenants>>, { ok: true }>['data'];
export type FleetTenant = TenantList[number];

export interface TenantLoad {
  tenant: FleetTenant;
  status: 'loading' | 'loaded' | 'failed';
  /** `SignInRequired` when this tenant needs the user (MFA, consent): the others load regardless. */
  error?: ActionError;
  subscriptions: SubscriptionLoad[];
}

export interface FleetLoadState {
  phase: 'idle' | 'loading' | 'done';
  tenants: TenantLoad[];
}

const INITIAL: FleetLoadState = { phase: 'idle', tenants: [] };

function patchTenant(
  state: FleetLoadState,
  tenantId: string,
  change: (load: TenantLoad) => TenantLoad,
): FleetLoadState {
  return { ...state, tenants: state.tenants.map((t) => (t.tenant.tenantId === tenantId ? change(t) : t)) };
}

function patchSubscription(load: TenantLoad, subscriptionId: string, patch: Partial<SubscriptionLoad>): TenantLoad {
  return {
    ...load,
    subscriptions: load.subscriptions.map((s) =>
      s.summary.subscriptionId === subscriptionId ? { ...s, ...patch } : s,
    ),
  };
}

/**
 * The whole reachable fleet for the CA index: every tenant the account can reach (ARM `/tenants` with the home
 * tenant's token), then each tenant's inventory stream (the same `/api/inventory` the cluster list reads) with
 * that tenant's token, all tenants at once. A tenant that fails or needs sign-in keeps its own error.
 */
export function useFleetLoad(homeTenantId: string | undefined) {
  const { getArmToken } = useAuth();
  const [state, setState] = useState<FleetLoadState>(INITIAL);
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (!homeTenantId) return;
    const run = ++generation.current;
    const update = (change: (previous: FleetLoadState) => FleetLoadState) => {
      if (run === generation.current) setState(change);
    };
    update((previous) => ({ ...previous, phase: 'loading' }));
    const home: FleetTenant = { tenantId: homeTenantId, displayName: homeTenantId, defaultDomain: null };
    let tenants: FleetTenant[] = [home];
    try {
      const listed = await listTenants(await getArmToken(homeTenantId));
      if (listed.ok && listed.data.length > 0) tenants = listed.data;
    } catch {
      // Without the tenant list the home tenant still loads; its own request reports what is wrong.
    }
    update(() => ({
      phase: 'loading',
      tenants: tenants.map((tenant) => ({ tenant, status: 'loading', subscriptions: [] })),
    }));
    await Promise.all(
      tenants.map(async ({ tenantId }) => {
        const patch = (change: (load: TenantLoad) => TenantLoad) =>
          update((previous) => patchTenant(previous, tenantId, change));
        try {
          const token = await getArmToken(tenantId);
          const response = await fetch('/api/inventory', {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
          });
          if (!response.ok || !response.body) {
            const body = (await response.json().catch(() => null)) as { error?: ActionError } | null;
            throw Object.assign(
              new Error(body?.error?.message ?? `The inventory request failed (HTTP ${response.status}).`),
              {
                code: body?.error?.code,
              },
            );
          }
          for await (const event of readInventoryStream(response.body)) {
            switch (event.type) {
              case 'subscriptions':
                patch((t) => ({
                  ...t,
                  subscriptions: event.subscriptions.map((summary) => ({
                    summary,
                    status: summary.state === 'Disabled' || summary.state === 'Deleted' ? 'loaded' : 'loading',
                    clusters: [],
                    tenantId,
                  })),
                }));
                break;
              case 'clusters':
                patch((t) =>
                  patchSubscription(t, event.subscriptionId, { status: 'loaded', clusters: event.clusters }),
                );
                break;
              case 'subscription-failed':
                patch((t) => patchSubscription(t, event.subscriptionId, { status: 'failed', error: event.error }));
                break;
              case 'failed':
                patch((t) => ({ ...t, status: 'failed', error: event.error }));
                break;
              case 'done':
                break;
            }
          }
          patch((t) => (t.status === 'loading' ? { ...t, status: 'loaded' } : t));
        } catch (error) {
          const code = codeOf(error, 'InventoryFailed');
          patch((t) => ({ ...t, status: 'failed', error: toClientError(error, code) }));
        }
      }),
    );
    update((previous) => ({ ...previous, phase: 'done' }));
  }, [getArmToken, homeTenantId]);

  // Bumping the generation makes any answer of an earlier load land nowhere.
  const invalidate = useCallback(() => void generation.current++, []);

  useEffect(() => {
    setState(INITIAL);
    void load();
    return invalidate;
  }, [load, invalidate]);

  return { state, refresh: load };
}
