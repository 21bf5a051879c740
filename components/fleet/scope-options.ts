import type { FleetClusterRef } from '@/lib/fleet';

/** The tenants and (within the chosen tenant) subscriptions of loaded clusters, as [id, name] sorted by name. */
export function scopeOptions(clusters: readonly FleetClusterRef[], tenantId: string | undefined) {
  const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
  const tenants = [...new Map(clusters.map((c) => [c.tenantId, c.tenantName])).entries()].sort(byName);
  const subscriptions = [
    ...new Map(
      clusters.filter((c) => !tenantId || c.tenantId === tenantId).map((c) => [c.subscriptionId, c.subscriptionName]),
    ).entries(),
  ].sort(byName);
  return { tenants, subscriptions };
}
