/** Reads the fleet through lib/azure's loader and decodes each distinct CA list once with lib/pki. */
import { loadFleet, type TenantAccess } from '../../../lib/azure/fleet-load';
import type { ClusterSummary } from '../../../lib/azure/models';
import { compareClusters, toFleetCluster, type FleetCluster } from '../../../lib/fleet';
import { readCaBundle } from '../../../lib/pki';
import type { CertificateInfo } from '../../../lib/pki/types';
import type { Progress } from './progress';

export interface FleetFailure {
  tenantId: string;
  /** Absent when the whole tenant could not be read. */
  subscriptionId?: string;
  subscriptionName?: string;
  code: string;
  message: string;
  /** ARM answered 429 even after the retries its Retry-After asked for. */
  throttled: boolean;
}

export interface FleetRead {
  clusters: FleetCluster[];
  /** Each cluster as ARM listed it (its bundle's PEMs, state and pools), by id: what a fleet plan starts from. */
  summaries: Map<string, ClusterSummary>;
  failures: FleetFailure[];
  tenants: { tenantId: string; displayName: string }[];
}

const THROTTLED_CODES = new Set(['TooManyRequests', 'SubscriptionRequestsThrottled', 'TenantRequestsThrottled']);

export async function collectFleet(
  tenants: readonly TenantAccess[],
  options: { armEndpoint: string; subscriptionIds?: readonly string[]; now: Date; progress: Progress },
): Promise<FleetRead> {
  const names = new Map(tenants.map((t) => [t.tenantId, t.displayName]));
  const decoded = new Map<string, Promise<CertificateInfo[]>>();
  const decode = (caBundle: string[]) => {
    const key = caBundle.join('\u0000');
    let pending = decoded.get(key);
    if (!pending) {
      pending = caBundle.length
        ? readCaBundle(caBundle, { now: options.now }).then((result) => result.certificates)
        : Promise.resolve([]);
      decoded.set(key, pending);
    }
    return pending;
  };

  const pending: Promise<FleetCluster>[] = [];
  const failures: FleetFailure[] = [];
  const subscriptionNames = new Map<string, string>();
  const summaries = new Map<string, ClusterSummary>();
  const toCluster = async (tenantId: string, subscriptionName: string, cluster: ClusterSummary) => {
    summaries.set(cluster.id, cluster);
    const certificates = await decode(cluster.caBundle);
    return toFleetCluster(
      cluster,
      { tenantId, tenantName: names.get(tenantId) ?? tenantId, subscriptionName },
      certificates,
    );
  };

  for await (const event of loadFleet(tenants, options)) {
    switch (event.type) {
      case 'tenant-failed':
        failures.push({ tenantId: event.tenantId, ...event.error, throttled: THROTTLED_CODES.has(event.error.code) });
        options.progress.note(`tenant ${names.get(event.tenantId) ?? event.tenantId}: ${event.error.message}`);
        break;
      case 'subscriptions':
        for (const s of event.subscriptions) subscriptionNames.set(s.subscriptionId, s.displayName);
        options.progress.tenant(names.get(event.tenantId) ?? event.tenantId, event.subscriptions.length);
        break;
      case 'clusters':
        for (const cluster of event.clusters)
          pending.push(toCluster(event.tenantId, event.subscription.displayName, cluster));
        options.progress.subscriptionDone(event.clusters.length);
        break;
      case 'subscription-failed': {
        const throttled = THROTTLED_CODES.has(event.error.code);
        const name = subscriptionNames.get(event.subscriptionId);
        failures.push({
          tenantId: event.tenantId,
          subscriptionId: event.subscriptionId,
          ...(name ? { subscriptionName: name } : {}),
          code: event.error.code,
          message: event.error.message,
          throttled,
        });
        if (name) options.progress.subscriptionDone(0);
        options.progress.note(
          `subscription ${name ? `${name} (${event.subscriptionId})` : event.subscriptionId} not read${
            throttled ? ' (throttled by ARM after retrying)' : ''
          }: ${event.error.message}`,
        );
        break;
      }
    }
  }
  options.progress.finish();
  return {
    clusters: (await Promise.all(pending)).sort(compareClusters),
    summaries,
    failures,
    tenants: tenants.map((t) => ({ tenantId: t.tenantId, displayName: t.displayName })),
  };
}
