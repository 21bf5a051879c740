/** Builds the starting state: the hand-written seed, or a generated fleet (`fleet` option). */
import { SUBSCRIPTIONS } from '../../directory';
import type { FleetOptions } from '../../contract';
import { startUpdate } from '../rollout/plan';
import { stepOperation } from '../rollout/step';
import type { ArmState, ClusterRecord, OperationRecord } from '../state/types';
import { buildCluster, resourceGroupsOf } from './builders';
import type { SeedCertificates } from './certificates';
import { seedClusterSpecs } from './clusters';
import { buildFleet } from './fleet';

/** How much slower the seeded running rollout goes than the configured speed. */
export const SEED_PACE = 10;

export interface SeedOptions {
  certificates: SeedCertificates;
  now: number;
  msPerBatch: number;
  fleet?: FleetOptions;
}

function handWrittenSeed(options: SeedOptions): ArmState {
  const clusters: ClusterRecord[] = [];
  const operations: OperationRecord[] = [];
  for (const spec of seedClusterSpecs(options.certificates)) {
    const tenantId = SUBSCRIPTIONS.find((s) => s.subscriptionId === spec.subscriptionId)?.tenantId;
    const cluster = buildCluster({ ...spec, ...(tenantId ? { tenantId } : {}) });
    if (spec.special === 'stopped') cluster.powerState = 'Stopped';
    if (spec.special === 'failed') {
      const error = {
        code: 'VMExtensionProvisioningError',
        message:
          'Unable to establish outbound connection from agents, please see https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/error-code-outboundconnfailvmextensionerror and https://aka.ms/aks-required-ports-and-addresses for more information. Details: instance/vmssCSE failed with exit status 50',
      };
      cluster.provisioningState = 'Failed';
      const pool = cluster.pools[1]!;
      pool.provisioningState = 'Failed';
      pool.provisioningError = error;
    }
    if (spec.special === 'updating') {
      // A CA change already under way, a few batches done at start, going SEED_PACE times slower than other
      // rollouts so that a demo can watch it for a few minutes.
      const op = startUpdate(cluster, true, { now: options.now, msPerBatch: options.msPerBatch });
      op.paceFactor = SEED_PACE;
      for (let i = 0; i < 3; i++) stepOperation(op, cluster, options.now, options.msPerBatch);
      operations.push(op);
    }
    clusters.push(cluster);
  }
  return {
    version: 3,
    subscriptions: SUBSCRIPTIONS.map((s) => ({ ...s })),
    extraRoleAssignments: [],
    resourceGroups: resourceGroupsOf(clusters),
    clusters,
    operations,
  };
}

export function buildSeedState(options: SeedOptions): ArmState {
  return options.fleet ? buildFleet(options.fleet, options.certificates.fleetShared) : handWrittenSeed(options);
}
