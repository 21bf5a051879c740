/**
 * The inventory stream's wire format (NDJSON, one event a line), shared by the route handler and the page. Fleets
 * trust the same few CA lists on many clusters, so each distinct list travels once: a `ca-list` line gives it an id
 * before the first cluster that refers to it, and clusters carry `caList: <id>` instead of the PEM texts.
 * Pure and isomorphic.
 */
import type { ActionError } from '../action-result';
import type { ClusterSummary, SubscriptionSummary } from '../clusters/types';

/**
 * The page asks for a gzip body with this request header (a value as in Accept-Encoding) and finds the answer's
 * encoding in the response header: HTTP's own Content-Encoding does not survive a Next.js Route Handler.
 */
export const INVENTORY_ENCODING_REQUEST = 'x-inventory-accept-encoding';
export const INVENTORY_ENCODING_RESPONSE = 'x-inventory-encoding';

/** One inventory event as the server produces it, in the order the page can use it. */
export type InventoryEvent =
  | { type: 'subscriptions'; subscriptions: SubscriptionSummary[] }
  | { type: 'clusters'; subscriptionId: string; clusters: ClusterSummary[] }
  | { type: 'subscription-failed'; subscriptionId: string; error: ActionError }
  | { type: 'failed'; error: ActionError }
  | { type: 'done' };

export type WireCluster = Omit<ClusterSummary, 'caBundle'> & { caList: number };

export type InventoryWireEvent =
  | { type: 'ca-list'; id: number; entries: string[] }
  | { type: 'clusters'; subscriptionId: string; clusters: WireCluster[] }
  | Exclude<InventoryEvent, { type: 'clusters' }>;

const listKey = (entries: readonly string[]) => entries.join('\u0000');

/** Server side: one per response. Turns an event into its wire lines, the CA lists it introduces first. */
export class CaBundleEncoder {
  private readonly ids = new Map<string, number>();

  encode(event: InventoryEvent): InventoryWireEvent[] {
    if (event.type !== 'clusters') return [event];
    const lines: InventoryWireEvent[] = [];
    const clusters = event.clusters.map(({ caBundle, ...cluster }) => {
      const key = listKey(caBundle);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
        lines.push({ type: 'ca-list', id, entries: caBundle });
      }
      return { ...cluster, caList: id };
    });
    lines.push({ type: 'clusters', subscriptionId: event.subscriptionId, clusters });
    return lines;
  }
}

export class UnknownCaBundleError extends Error {
  override readonly name = 'UnknownCaBundleError';
}

/**
 * Client side: one per response. Returns the event with each cluster's `caBundle` restored (clusters that share a
 * list share one array), or undefined for a dictionary line.
 */
export class CaBundleDecoder {
  private readonly lists = new Map<number, string[]>();

  decode(event: InventoryWireEvent): InventoryEvent | undefined {
    if (event.type === 'ca-list') {
      this.lists.set(event.id, event.entries);
      return undefined;
    }
    if (event.type !== 'clusters') return event;
    return {
      type: 'clusters',
      subscriptionId: event.subscriptionId,
      clusters: event.clusters.map(({ caList, ...cluster }) => {
        const caBundle = this.lists.get(caList);
        if (!caBundle) throw new UnknownCaBundleError(`The inventory stream referred to an unknown CA list ${caList}.`);
        return { ...cluster, caBundle };
      }),
    };
  }
}
