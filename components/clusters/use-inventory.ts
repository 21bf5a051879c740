'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '@/lib/action-result';
import type { ClusterSummary, SubscriptionSummary } from '@/lib/azure/models';
import type { InventoryEvent } from '@/lib/azure/inventory-stream';
import { listClusters } from '@/app/actions/inventory';
import { useAuth } from '@/components/auth/auth-context';
import { toClientError } from './client-error';
import { readInventoryStream } from './inventory-events';

export interface SubscriptionLoad {
  summary: SubscriptionSummary;
  status: 'loading' | 'loaded' | 'failed';
  clusters: ClusterSummary[];
  error?: ActionError;
}

export interface InventoryState {
  phase: 'idle' | 'loading' | 'done' | 'failed';
  error?: ActionError;
  subscriptions: SubscriptionLoad[];
  finishedAt?: Date;
}

const INITIAL: InventoryState = { phase: 'idle', subscriptions: [] };

/**
 * The fleet inventory for one tenant, streamed subscription by subscription. A refresh keeps what is on screen
 * and replaces each subscription as it answers again.
 */
export function useInventory(tenantId: string | undefined) {
  const { getArmToken } = useAuth();
  const [state, setState] = useState<InventoryState>(INITIAL);
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (!tenantId) return;
    const run = ++generation.current;
    const update = (change: (previous: InventoryState) => InventoryState) => {
      if (run === generation.current) setState(change);
    };
    update((previous) => ({ ...previous, phase: 'loading', error: undefined }));
    try {
      const token = await getArmToken(tenantId);
      const response = await fetch('/api/inventory', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: ActionError } | null;
        throw Object.assign(
          new Error(body?.error?.message ?? `The inventory request failed (HTTP ${response.status}).`),
          { code: body?.error?.code },
        );
      }
      for await (const event of readInventoryStream(response.body)) {
        update((previous) => applyEvent(previous, event));
      }
      update((previous) =>
        previous.phase === 'loading' ? { ...previous, phase: 'done', finishedAt: new Date() } : previous,
      );
    } catch (error) {
      // MSAL needing the user becomes SignInRequired: the page shows "Sign in again" and does not navigate.
      const code = (error as { code?: string }).code ?? 'InventoryFailed';
      update((previous) => ({ ...previous, phase: 'failed', error: toClientError(error, code) }));
    }
  }, [getArmToken, tenantId]);

  const retrySubscription = useCallback(
    async (subscriptionId: string) => {
      setState((previous) => patchSubscription(previous, subscriptionId, { status: 'loading', error: undefined }));
      try {
        const result = await listClusters(await getArmToken(tenantId), subscriptionId);
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
    [getArmToken, tenantId],
  );

  useEffect(() => {
    setState(INITIAL);
    void load();
    const runs = generation;
    return () => {
      runs.current++; // answers for a load this page left are dropped
    };
  }, [load]);

  return { state, refresh: load, retrySubscription };
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

function applyEvent(state: InventoryState, event: InventoryEvent): InventoryState {
  switch (event.type) {
    case 'subscriptions': {
      const previous = new Map(state.subscriptions.map((s) => [s.summary.subscriptionId, s]));
      return {
        ...state,
        subscriptions: event.subscriptions.map((summary) => ({
          summary,
          status: summary.state === 'Disabled' || summary.state === 'Deleted' ? 'loaded' : 'loading',
          clusters: previous.get(summary.subscriptionId)?.clusters ?? [],
        })),
      };
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
      return { ...state, phase: 'failed', error: event.error };
    case 'done':
      return { ...state, phase: 'done', finishedAt: new Date() };
  }
}
