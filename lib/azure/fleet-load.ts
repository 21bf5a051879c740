import 'server-only';
import type { ActionError } from '../action-result';
import { mapAsCompleted } from '../async/map-as-completed';
import type { ArmClients } from './clients';
import { toArmActionError } from './arm-errors';
import { listClusters, listSubscriptions } from './inventory';
import { INVENTORY_CONCURRENCY } from './inventory-stream';
import { ArmResponseError, type ClusterSummary, type SubscriptionSummary } from './models';

/** One tenant the caller reaches, with clients holding a token for it, or why there is none. */
export type TenantAccess =
  | { tenantId: string; displayName: string; clients: ArmClients }
  | { tenantId: string; displayName: string; error: ActionError };

/** What the fleet loader reports, in the order it learns it. */
export type FleetLoadEvent =
  | { type: 'tenant-failed'; tenantId: string; error: ActionError }
  | { type: 'subscriptions'; tenantId: string; subscriptions: SubscriptionSummary[] }
  | { type: 'clusters'; tenantId: string; subscription: SubscriptionSummary; clusters: ClusterSummary[] }
  | { type: 'subscription-failed'; tenantId: string; subscriptionId: string; error: ActionError };

export interface FleetLoadOptions {
  armEndpoint: string;
  /** Only these subscriptions (case-insensitive); a requested one the caller cannot see is reported as failed. */
  subscriptionIds?: readonly string[];
  concurrency?: number;
}

function toError(error: unknown, armEndpoint: string): ActionError {
  if (error instanceof ArmResponseError) return { code: error.code, message: error.message };
  return toArmActionError(error, armEndpoint);
}

const isListable = (s: SubscriptionSummary) => s.state !== 'Disabled' && s.state !== 'Deleted';

/**
 * Every cluster of every given tenant, through the inventory page's code (listSubscriptions, listClusters,
 * bounded concurrency per tenant, the clients' read pacing). A tenant or subscription that fails yields its own
 * event; the rest carry on. Tenants are read one after another: each has its own ARM budgets and token.
 */
export async function* loadFleet(
  tenants: readonly TenantAccess[],
  options: FleetLoadOptions,
): AsyncGenerator<FleetLoadEvent> {
  const wanted = options.subscriptionIds?.map((id) => id.toLowerCase());
  const found = new Set<string>();
  for (const tenant of tenants) {
    if ('error' in tenant) {
      yield { type: 'tenant-failed', tenantId: tenant.tenantId, error: tenant.error };
      continue;
    }
    let subscriptions: SubscriptionSummary[];
    try {
      subscriptions = await listSubscriptions(tenant.clients);
    } catch (error) {
      yield { type: 'tenant-failed', tenantId: tenant.tenantId, error: toError(error, options.armEndpoint) };
      continue;
    }
    const selected = subscriptions.filter(
      (s) => isListable(s) && (!wanted || wanted.includes(s.subscriptionId.toLowerCase())),
    );
    for (const s of selected) found.add(s.subscriptionId.toLowerCase());
    yield { type: 'subscriptions', tenantId: tenant.tenantId, subscriptions: selected };
    const work = mapAsCompleted(selected, options.concurrency ?? INVENTORY_CONCURRENCY, (s) =>
      listClusters(tenant.clients, s.subscriptionId),
    );
    for await (const result of work) {
      yield result.ok
        ? { type: 'clusters', tenantId: tenant.tenantId, subscription: result.item, clusters: result.value }
        : {
            type: 'subscription-failed',
            tenantId: tenant.tenantId,
            subscriptionId: result.item.subscriptionId,
            error: toError(result.error, options.armEndpoint),
          };
    }
  }
  const readable = tenants.some((tenant) => !('error' in tenant));
  for (const id of wanted ?? []) {
    if (found.has(id) || !readable) continue;
    yield {
      type: 'subscription-failed',
      tenantId: '',
      subscriptionId: id,
      error: {
        code: 'SubscriptionNotFound',
        message: `Subscription ${id} is not among the enabled subscriptions these credentials can list.`,
      },
    };
  }
}
