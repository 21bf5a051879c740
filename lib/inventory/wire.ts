/**
 * The inventory stream's wire format (NDJSON, one event a line), shared by the route handler and the page. Fleets
 * trust the same few CA lists on many clusters, so each distinct list travels once: a `ca-list` line gives it an id
 * before the first cluster that refers to it, and clusters carry `caList: <id>` instead of the PEM texts.
 * Pure and isomorphic.
 */
import type { ActionError } from '../action-result';
import type { ClusterSummary, SubscriptionSummary } from '../azure/models';

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

export type WireCluster = Omit<ClusterSummary, 'caEntries'> & { caList: number };

export type InventoryWireEvent =
  | { type: 'ca-list'; id: number; entries: string[] }
  | { type: 'clusters'; subscriptionId: string; clusters: WireCluster[] }
  | Exclude<InventoryEvent, { type: 'clusters' }>;

const listKey = (entries: readonly string[]) => entries.join('\u0000');

/** Server side: one per response. Turns an event into its wire lines, the CA lists it introduces first. */
export class CaListEncoder {
  private readonly ids = new Map<string, number>();

  encode(event: InventoryEvent): InventoryWireEvent[] {
    if (event.type !== 'clusters') return [event];
    const lines: InventoryWireEvent[] = [];
    const clusters = event.clusters.map(({ caEntries, ...cluster }) => {
      const key = listKey(caEntries);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
        lines.push({ type: 'ca-list', id, entries: caEntries });
      }
      return { ...cluster, caList: id };
    });
    lines.push({ type: 'clusters', subscriptionId: event.subscriptionId, clusters });
    return lines;
  }
}

export class UnknownCaListError extends Error {
  override readonly name = 'UnknownCaListError';
}

/**
 * Client side: one per response. Returns the event with each cluster's `caEntries` restored (clusters that share a
 * list share one array), or undefined for a dictionary line.
 */
export class CaListDecoder {
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
        const caEntries = this.lists.get(caList);
        if (!caEntries) throw new UnknownCaListError(`The inventory stream referred to an unknown CA list ${caList}.`);
        return { ...cluster, caEntries };
      }),
    };
  }
}
