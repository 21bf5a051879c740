'use client';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '@/lib/action-result';
import type { ClusterSummary, SubscriptionSummary, TenantSummary } from '@/lib/clusters/types';
import { INVENTORY_ENCODING_REQUEST, INVENTORY_ENCODING_RESPONSE, type InventoryEvent } from '@/lib/inventory/wire';
import { listClusters, listTenants } from '@/app/actions/inventory';
import { isSignInRequired, useAuth } from '@/components/auth/auth-context';
import { codeOf, toClientError } from './client-error';
import { readInventoryStream } from './inventory-events';

export interface SubscriptionLoad {
  summary: SubscriptionSummary;
  status: 'loading' | 'loaded' | 'failed';
  clusters: ClusterSummary[];
  error?: ActionError;
  /** The tenant whose token listed it (and is used to retry it). */
  tenantId: string;
}

/** One tenant of the signed-in account: its own token, its own stream, its own outcome. */
export interface TenantLoad {
  summary: TenantSummary;
  /** `sign-in-required`: no token without the user (MFA, consent); the page offers "Sign in to this tenant". */
  status: 'loading' | 'loaded' | 'failed' | 'sign-in-required';
  error?: ActionError;
}

export interface InventoryState {
  phase: 'idle' | 'loading' | 'done' | 'failed';
  error?: ActionError;
  subscriptions: SubscriptionLoad[];
  tenants: TenantLoad[];
  finishedAt?: Date;
}

const INITIAL: InventoryState = { phase: 'idle', subscriptions: [], tenants: [] };

type Update = (change: (previous: InventoryState) => InventoryState) => void;

/**
 * The fleet inventory across every tenant the account can reach, as az does it: `/tenants` with the home tenant's
 * token, then a silent token and a stream per tenant, all at once. A tenant that needs the user (MFA, consent) or
 * fails is marked on its own; the others load. A refresh keeps what is on screen and replaces each subscription as
 * it answers again.
 */
export function useInventory(homeTenantId: string | undefined) {
  const { getArmToken, reauthenticate } = useAuth();
  const [state, setState] = useState<InventoryState>(INITIAL);
  const generation = useRef(0);

  // Every change of a load is a transition: React renders streamed batches in slices and folds those that arrive
  // while it renders, so 50 subscriptions arriving one after another never hold the main thread for long. All of
  // them, not only the batches: "tenant loaded" and "done" must never overtake the batch before them.
  const updater = useCallback((run: number): Update => {
    return (change) => {
      if (run === generation.current) startTransition(() => setState(change));
    };
  }, []);

  const loadTenant = useCallback(
    async (tenantId: string, update: Update) => {
      update((previous) => patchTenant(previous, tenantId, { status: 'loading', error: undefined }));
      try {
        const token = await getArmToken(tenantId);
        const response = await fetch('/api/inventory', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            ...(typeof DecompressionStream === 'function' ? { [INVENTORY_ENCODING_REQUEST]: 'gzip' } : {}),
          },
        });
        if (!response.ok || !response.body) {
          const body = (await response.json().catch(() => null)) as { error?: ActionError } | null;
          throw Object.assign(
            new Error(body?.error?.message ?? `The inventory request failed (HTTP ${response.status}).`),
            { code: body?.error?.code },
          );
        }
        const gzipped = response.headers.get(INVENTORY_ENCODING_RESPONSE) === 'gzip';
        const body = gzipped
          ? response.body.pipeThrough(
              new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
            )
          : response.body;
        for await (const event of readInventoryStream(body)) {
          update((previous) => applyEvent(previous, tenantId, event));
        }
        update((previous) =>
          patchTenant(previous, tenantId, (tenant) => (tenant.status === 'loading' ? { status: 'loaded' } : {})),
        );
      } catch (error) {
        const signIn = isSignInRequired(error);
        const code = signIn ? 'SignInRequired' : codeOf(error, 'InventoryFailed');
        update((previous) =>
          patchTenant(previous, tenantId, {
            status: signIn ? 'sign-in-required' : 'failed',
            error: toClientError(error, code),
          }),
        );
      }
    },
    [getArmToken],
  );

  const load = useCallback(async () => {
    if (!homeTenantId) return;
    const run = ++generation.current;
    const update = updater(run);
    update((previous) => ({ ...previous, phase: 'loading', error: undefined }));
    let token: string;
    try {
      token = await getArmToken(homeTenantId);
    } catch (error) {
      // MSAL needing the user for the home tenant becomes SignInRequired: "Sign in again", no navigation.
      const code = codeOf(error, 'InventoryFailed');
      update((previous) => ({ ...previous, phase: 'failed', error: toClientError(error, code) }));
      return;
    }
    // The home tenant is always reachable: its stream starts now, beside the tenant list, so the first rows come
    // as early as with one tenant.
    update((previous) => ({ ...previous, tenants: withHomeLoad(previous.tenants, homeTenantId) }));
    const home = loadTenant(homeTenantId, update);
    const listed = await listTenants(token).catch(() => undefined);
    const tenants = withHomeTenant(listed?.ok ? listed.data : [], homeTenantId);
    update((previous) => {
      const next: InventoryState = {
        ...previous,
        tenants: tenants.map((summary) => {
          const current = previous.tenants.find((t) => t.summary.tenantId === summary.tenantId);
          return summary.tenantId === homeTenantId && current
            ? { ...current, summary }
            : { summary, status: 'loading' as const };
        }),
      };
      // Subscriptions of tenants no longer listed go; the others stay on screen until their tenant answers.
      const kept = previous.subscriptions.filter((s) => tenants.some((t) => t.tenantId === s.tenantId));
      return { ...next, subscriptions: orderByTenant(next, kept) };
    });
    await Promise.all([
      home,
      ...tenants.filter((t) => t.tenantId !== homeTenantId).map((t) => loadTenant(t.tenantId, update)),
    ]);
    update((previous) =>
      previous.phase === 'loading' ? { ...previous, phase: 'done', finishedAt: new Date() } : previous,
    );
  }, [getArmToken, homeTenantId, loadTenant, updater]);

  const retryTenant = useCallback(
    (tenantId: string) => loadTenant(tenantId, updater(generation.current)),
    [loadTenant, updater],
  );

  /** The interactive step for one tenant (MSAL redirect to its authority); only from a click. */
  const signInToTenant = useCallback((tenantId: string) => reauthenticate(tenantId), [reauthenticate]);

  const retrySubscription = useCallback(
    async (subscriptionId: string) => {
      const tenantId = state.subscriptions.find((s) => s.summary.subscriptionId === subscriptionId)?.tenantId;
      setState((previous) => patchSubscription(previous, subscriptionId, { status: 'loading', error: undefined }));
      try {
        const result = await listClusters(await getArmToken(tenantId ?? homeTenantId), subscriptionId);
        setState((previous) =>
          patchSubscription(
            previous,
            subscriptionId,
            result.ok ? { status: 'loaded', clusters: result.data } : { status: 'failed', error: result.error },
          ),
        );
      } catch (error) {
        setState((previous) =>
          patchSubscription(previous, subscriptionId, { status: 'failed', error: toClientError(error, 'RetryFailed') }),
        );
      }
    },
    [getArmToken, homeTenantId, state.subscriptions],
  );

  useEffect(() => {
    setState(INITIAL);
    void load();
    const runs = generation;
    return () => {
      runs.current++; // answers for a load this page left are dropped
    };
  }, [load]);

  return { state, refresh: load, retrySubscription, retryTenant, signInToTenant };
}

/** The tenant list with the home tenant loading (named by its id until /tenants answers). */
function withHomeLoad(tenants: TenantLoad[], homeTenantId: string): TenantLoad[] {
  if (tenants.some((t) => t.summary.tenantId === homeTenantId)) return tenants;
  return [
    { summary: { tenantId: homeTenantId, displayName: homeTenantId, defaultDomain: null }, status: 'loading' },
    ...tenants,
  ];
}

function withHomeTenant(tenants: TenantSummary[], homeTenantId: string): TenantSummary[] {
  if (tenants.some((t) => t.tenantId === homeTenantId)) return tenants;
  return [{ tenantId: homeTenantId, displayName: homeTenantId, defaultDomain: null }, ...tenants];
}

function patchTenant(
  state: InventoryState,
  tenantId: string,
  patch: Partial<TenantLoad> | ((tenant: TenantLoad) => Partial<TenantLoad>),
): InventoryState {
  return {
    ...state,
    tenants: state.tenants.map((t) =>
      t.summary.tenantId === tenantId ? { ...t, ...(typeof patch === 'function' ? patch(t) : patch) } : t,
    ),
  };
}

function patchSubscription(
  state: InventoryState,
  subscriptionId: string,
  patch: Partial<SubscriptionLoad>,
): InventoryState {
  return {
    ...state,
    subscriptions: state.subscriptions.map((s) =>
      s.summary.subscriptionId === subscriptionId ? { ...s, ...patch } : s,
    ),
  };
}

/** Subscriptions in tenant order (as listed), each tenant's in the order its stream gave them. */
function orderByTenant(state: InventoryState, subscriptions: SubscriptionLoad[]): SubscriptionLoad[] {
  const rank = new Map(state.tenants.map((t, i) => [t.summary.tenantId, i]));
  return subscriptions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (rank.get(a.s.tenantId) ?? 0) - (rank.get(b.s.tenantId) ?? 0) || a.i - b.i)
    .map(({ s }) => s);
}

function applyEvent(state: InventoryState, tenantId: string, event: InventoryEvent): InventoryState {
  switch (event.type) {
    case 'subscriptions': {
      const previous = new Map(state.subscriptions.map((s) => [s.summary.subscriptionId, s]));
      const others = state.subscriptions.filter((s) => s.tenantId !== tenantId);
      const taken = new Set(others.map((s) => s.summary.subscriptionId));
      const mine = event.subscriptions
        // A subscription another tenant already listed (delegated access) is shown once.
        .filter((summary) => !taken.has(summary.subscriptionId))
        .map((summary): SubscriptionLoad => ({
          summary,
          tenantId,
          status: summary.state === 'Disabled' || summary.state === 'Deleted' ? 'loaded' : 'loading',
          clusters: previous.get(summary.subscriptionId)?.clusters ?? [],
        }));
      return { ...state, subscriptions: orderByTenant(state, [...others, ...mine]) };
    }
    case 'clusters':
      return patchSubscription(state, event.subscriptionId, {
        status: 'loaded',
        clusters: event.clusters,
        error: undefined,
      });
    case 'subscription-failed':
      return patchSubscription(state, event.subscriptionId, { status: 'failed', error: event.error });
    case 'failed':
      return patchTenant(state, tenantId, { status: 'failed', error: event.error });
    case 'done':
      return patchTenant(state, tenantId, { status: 'loaded' });
  }
}
