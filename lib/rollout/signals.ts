/**
 * Which signals the view has and lacks, so that it can say so (a colleague, another browser or a later link
 * tracks from cluster state). Pure.
 */
import type { PoolProgress } from './pool-progress';
import type { RolloutSnapshot } from './snapshot';

/** Why this browser holds no handle for the rollout (handle-store.ts reasons, plus the link's own). */
export type HandleAbsence =
  'none' | 'other-account' | 'other-cluster' | 'expired' | 'damaged' | 'unavailable' | 'no-link';

export type SignalKey = 'operation' | 'machines-before' | 'vmss' | 'machines' | 'states';

export interface Signal {
  key: SignalKey;
  label: string;
  state: 'have' | 'partial' | 'lack';
  detail: string;
}

const ABSENCE: Record<HandleAbsence, string> = {
  none: 'the signed operation URL stays in the browser that applied the change (ARM gives it only to that caller), and this browser does not hold it',
  'other-account': 'this browser holds it for another signed-in account',
  'other-cluster': 'the handle this browser holds is for another cluster',
  expired: 'the handle this browser held is older than a few days and was dropped',
  damaged: 'the handle this browser held could not be read',
  unavailable: "this browser's local storage is not available",
  'no-link': 'this page was opened without a rollout link (for example, the change was started with az aks update)',
};

export interface SignalInput {
  snapshot: RolloutSnapshot;
  pools: PoolProgress[];
  handleAbsence: HandleAbsence | null;
  baselineFromHandle: Record<string, boolean>;
}

export function rolloutSignals({ snapshot, pools, handleAbsence, baselineFromHandle }: SignalInput): Signal[] {
  const rolled = pools.filter((p) => p.stage !== 'not-rolled');
  const names = (list: PoolProgress[]) => list.map((p) => p.name).join(', ');
  const signals: Signal[] = [];

  signals.push(
    snapshot.operation
      ? {
          key: 'operation',
          label: "Operation's own status",
          state: 'have',
          detail: 'Read from the signed operation URL: the outcome and ARM error come from it.',
        }
      : {
          key: 'operation',
          label: "Operation's own status",
          state: 'lack',
          detail: `Not available: ${ABSENCE[handleAbsence ?? 'none']}. The outcome comes from the cluster's provisioning state.`,
        },
  );

  const fromHandle = rolled.filter((p) => baselineFromHandle[p.name]);
  signals.push(
    fromHandle.length === rolled.length && rolled.length > 0
      ? {
          key: 'machines-before',
          label: 'Machines before the change',
          state: 'have',
          detail: 'Listed by the apply, just before the change.',
        }
      : {
          key: 'machines-before',
          label: 'Machines before the change',
          state: fromHandle.length > 0 ? 'partial' : 'lack',
          detail: `"Before" is what this page saw first${fromHandle.length > 0 ? ` for ${names(rolled.filter((p) => !baselineFromHandle[p.name]))}` : ''}: nodes renewed before it opened are not counted.`,
        },
  );

  const vmRead = rolled.filter((p) => snapshot.pools.find((s) => s.name === p.name)?.vms.kind === 'read');
  const vmMissing = rolled.filter((p) => !vmRead.includes(p));
  const forbidden = vmMissing.filter((p) => {
    const vms = snapshot.pools.find((s) => s.name === p.name)?.vms;
    return vms?.kind === 'unavailable' && vms.reason === 'forbidden';
  });
  signals.push(
    vmMissing.length === 0
      ? {
          key: 'vmss',
          label: 'VMSS VMs (latestModelApplied per node)',
          state: rolled.length ? 'have' : 'lack',
          detail: rolled.length ? 'Read for every pool that rolls.' : 'No pool rolls.',
        }
      : {
          key: 'vmss',
          label: 'VMSS VMs (latestModelApplied per node)',
          state: vmRead.length > 0 ? 'partial' : 'lack',
          detail: `Unavailable for ${names(vmMissing)}${forbidden.length ? ' (no read access to the node resource group)' : ''}. Progress there comes from machine names: replacements show, nodes reimaged in place do not.`,
        },
  );

  const noMachines = rolled.filter((p) => snapshot.pools.find((s) => s.name === p.name)?.machines === null);
  signals.push(
    noMachines.length === 0
      ? {
          key: 'machines',
          label: 'Machines per pool',
          state: 'have',
          detail: 'Listed from AKS: machines appearing and disappearing.',
        }
      : {
          key: 'machines',
          label: 'Machines per pool',
          state: noMachines.length < rolled.length ? 'partial' : 'lack',
          detail: `Not listed for ${names(noMachines)}.`,
        },
  );

  signals.push({
    key: 'states',
    label: 'Cluster and pool provisioning states',
    state: 'have',
    detail: `Cluster ${snapshot.cluster.provisioningState}.`,
  });
  return signals;
}
