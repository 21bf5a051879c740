import 'server-only';
import { forCaller } from '../action-errors';
import type { ActionError } from '../action-result';
import { mapAsCompleted } from '../async/map-as-completed';
import type { ArmClients } from './clients';
import { toArmActionError } from './arm-errors';
import { listClusters, listSubscriptions } from './inventory';
import type { InventoryEvent } from '../inventory/wire';
import { ArmResponseError, type SubscriptionSummary } from './models';

/** One event of the inventory stream (its wire form, with CA lists sent once: lib/inventory/wire.ts). */
export type { InventoryEvent } from '../inventory/wire';

/** Subscriptions whose clusters are listed at once: fast on large fleets, well inside ARM's read budget. */
export const INVENTORY_CONCURRENCY = 32;

/** Sent to the browser: a message not meant for it (lib/action-errors.ts) is replaced. */
function toError(error: unknown, armEndpoint: string): ActionError {
  if (error instanceof ArmResponseError) return { code: error.code, message: error.message };
  return forCaller(toArmActionError(error, armEndpoint));
}

/**
 * Every subscription, then every subscription's clusters as each one answers. A failing subscription yields
 * its own error; the others carry on.
 */
export async function* streamInventory(
  clients: ArmClients,
  armEndpoint: string,
  concurrency = INVENTORY_CONCURRENCY,
): AsyncGenerator<InventoryEvent> {
  let subscriptions: SubscriptionSummary[];
  try {
    subscriptions = await listSubscriptions(clients);
  } catch (error) {
    yield { type: 'failed', error: toError(error, armEndpoint) };
    return;
  }
  yield { type: 'subscriptions', subscriptions };
  const listable = subscriptions.filter((s) => s.state !== 'Disabled' && s.state !== 'Deleted');
  for await (const result of mapAsCompleted(listable, concurrency, (s) => listClusters(clients, s.subscriptionId))) {
    const subscriptionId = result.item.subscriptionId;
    yield result.ok
      ? { type: 'clusters', subscriptionId, clusters: result.value }
      : { type: 'subscription-failed', subscriptionId, error: toError(result.error, armEndpoint) };
  }
  yield { type: 'done' };
}
