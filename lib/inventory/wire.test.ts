import { describe, expect, it } from 'vitest';
import type { ClusterSummary } from '../clusters/types';
import { CaBundleDecoder, CaBundleEncoder, UnknownCaBundleError, type InventoryEvent } from './wire';

const cluster = (name: string, caBundle: string[]): ClusterSummary => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}`,
  subscriptionId: 's',
  resourceGroup: 'rg',
  name,
  location: 'westeurope',
  eTag: null,
  provisioningState: 'Succeeded',
  powerState: 'Running',
  kubernetesVersion: '1.33.2',
  agentPools: [],
  caBundle,
});

describe('inventory wire format', () => {
  it('sends each distinct CA list once and restores every cluster exactly', () => {
    const shared = ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'];
    const events: InventoryEvent[] = [
      {
        type: 'clusters',
        subscriptionId: 's',
        clusters: [cluster('a', shared), cluster('b', [...shared]), cluster('c', [])],
      },
      { type: 'clusters', subscriptionId: 't', clusters: [cluster('d', [...shared]), cluster('e', ['x', 'y'])] },
      { type: 'done' },
    ];
    const encoder = new CaBundleEncoder();
    const wire = events.flatMap((event) => encoder.encode(event));
    expect(wire.filter((line) => line.type === 'ca-list')).toHaveLength(3);
    expect(JSON.stringify(wire).split('AAAA')).toHaveLength(2); // the shared PEM travels once
    const decoder = new CaBundleDecoder();
    const back = wire
      .map((line) => decoder.decode(JSON.parse(JSON.stringify(line))))
      .filter((event) => event !== undefined);
    expect(back).toEqual(events);
    const [first] = back as Extract<InventoryEvent, { type: 'clusters' }>[];
    expect(first!.clusters[0]!.caBundle).toBe(first!.clusters[1]!.caBundle); // one array per distinct list
  });

  it('refuses a cluster that refers to a list it was not sent', () => {
    const decoder = new CaBundleDecoder();
    const { caBundle: _, ...rest } = cluster('a', []);
    expect(() => decoder.decode({ type: 'clusters', subscriptionId: 's', clusters: [{ ...rest, caList: 7 }] })).toThrow(
      UnknownCaBundleError,
    );
  });
});
