/**
 * A generated fleet for benchmarks: N subscriptions × M clusters in the owner's home tenant, one shared CA,
 * small pools. The owner persona gets Owner on each generated subscription (as generated role assignments),
 * the reader persona Reader on the first one.
 */
import { findPersona } from '../../directory';
import type { FleetOptions } from '../../contract';
import type { ArmState, ClusterRecord, ExtraRoleAssignment, SubscriptionRecord } from '../state/types';
import { buildCluster, resourceGroupsOf } from './builders';

const LOCATIONS = ['westeurope', 'northeurope', 'eastus2', 'germanywestcentral', 'swedencentral', 'uksouth'];
const VERSIONS = ['1.31.9', '1.32.6', '1.33.2'];
const TEAMS = ['payments', 'search', 'identity', 'checkout', 'media', 'ml', 'ingest', 'portal'];

export function fleetSubscriptionId(index: number): string {
  return `00000000-f1ee-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function buildFleet(fleet: FleetOptions, sharedCa: string): ArmState {
  const owner = findPersona('owner');
  const reader = findPersona('reader');
  const tenantId = owner?.homeTenantId ?? '72f988bf-0000-4000-8000-000000000001';
  const subscriptions: SubscriptionRecord[] = [];
  const extraRoleAssignments: ExtraRoleAssignment[] = [];
  const clusters: ClusterRecord[] = [];
  for (let s = 0; s < fleet.subscriptions; s++) {
    const subscriptionId = fleetSubscriptionId(s + 1);
    subscriptions.push({
      subscriptionId,
      displayName: `fleet-${String(s + 1).padStart(3, '0')}`,
      tenantId,
      state: 'Enabled',
    });
    if (owner)
      extraRoleAssignments.push({ objectId: owner.objectId, scope: `/subscriptions/${subscriptionId}`, role: 'Owner' });
    if (reader && s === 0)
      extraRoleAssignments.push({
        objectId: reader.objectId,
        scope: `/subscriptions/${subscriptionId}`,
        role: 'Reader',
      });
    for (let c = 0; c < fleet.clustersPerSubscription; c++) {
      const team = TEAMS[(s + c) % TEAMS.length]!;
      const location = LOCATIONS[(s * 7 + c) % LOCATIONS.length]!;
      clusters.push(
        buildCluster({
          subscriptionId,
          tenantId,
          resourceGroup: `rg-${team}-${String(Math.floor(c / 10) + 1).padStart(2, '0')}`,
          name: `aks-${team}-${String(c + 1).padStart(3, '0')}`,
          location,
          kubernetesVersion: VERSIONS[(s + c) % VERSIONS.length]!,
          ...((s + c) % 4 === 0 ? {} : { caBundle: [sharedCa] }),
          tags: { team, env: c % 3 === 0 ? 'prod' : 'nonprod' },
          pools: [
            { name: 'system', count: 3, vmSize: 'Standard_D4ds_v5', maxSurge: '33%' },
            ...(c % 2 === 0 ? [{ name: 'apps', count: 4, vmSize: 'Standard_D8ds_v5', maxSurge: '25%' }] : []),
          ],
        }),
      );
    }
  }
  return {
    version: 3,
    subscriptions,
    extraRoleAssignments,
    resourceGroups: resourceGroupsOf(clusters),
    clusters,
    operations: [],
  };
}
