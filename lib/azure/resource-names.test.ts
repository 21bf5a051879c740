import { describe, expect, it } from 'vitest';
import { clusterId, MANAGED_CLUSTER_TYPE, parseClusterId, sameArmName } from './resource-names';

const ref = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-web-prod',
  name: 'aks-web-prod-neu',
};

describe('parseClusterId', () => {
  it('reads the id as real ARM bodies write it (lower-case resourcegroups) and any other case', () => {
    expect(
      parseClusterId(
        `/subscriptions/${ref.subscriptionId}/resourcegroups/rg-web-prod/providers/Microsoft.ContainerService/managedClusters/aks-web-prod-neu`,
      ),
    ).toEqual(ref);
    expect(
      parseClusterId(
        `/SUBSCRIPTIONS/${ref.subscriptionId}/ResourceGroups/rg-web-prod/providers/microsoft.containerservice/ManagedClusters/aks-web-prod-neu`,
      ),
    ).toEqual(ref);
    expect(parseClusterId(clusterId(ref))).toEqual(ref);
  });

  it('refuses what is not a managed cluster id', () => {
    expect(parseClusterId(`/subscriptions/${ref.subscriptionId}/resourcegroups/rg-web-prod`)).toBeUndefined();
    expect(parseClusterId(`${clusterId(ref)}/agentPools/nodepool1`)).toBeUndefined();
    expect(
      parseClusterId(
        `/subscriptions/not-a-guid/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/a`,
      ),
    ).toBeUndefined();
  });
});

describe('sameArmName', () => {
  it('compares ids and types case-insensitively', () => {
    expect(sameArmName('Microsoft.ContainerService/ManagedClusters', MANAGED_CLUSTER_TYPE)).toBe(true);
    expect(sameArmName(clusterId(ref).replace('resourceGroups', 'resourcegroups'), clusterId(ref))).toBe(true);
    expect(sameArmName(clusterId(ref), clusterId({ ...ref, name: 'aks-web-prod-weu' }))).toBe(false);
  });
});
