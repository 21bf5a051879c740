/** Wire shape of VMSS VMs (Microsoft.Compute/virtualMachineScaleSets/virtualMachines), trimmed to what the contract names. */
import { createHash } from 'node:crypto';
import { clusterId, machineResourceId, vmssName } from '../state/ids';
import type { ClusterView, MachineView, PoolView } from '../state/types';

function vmId(cluster: ClusterView, machine: MachineView): string {
  const hex = createHash('sha256')
    .update(`${clusterId(cluster).toLowerCase()}/${machine.name}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** On the pool's current VMSS model and not being reimaged. */
export function latestModelApplied(pool: PoolView, machine: MachineView): boolean {
  return (machine.model ?? 0) >= (pool.modelVersion ?? 0) && machine.vmState !== 'Updating';
}

export function wireVmssVm(cluster: ClusterView, pool: PoolView, machine: MachineView): Record<string, unknown> {
  return {
    id: machineResourceId(cluster, pool, machine),
    name: `${vmssName(pool)}_${machine.instance}`,
    instanceId: String(machine.instance),
    type: 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines',
    location: cluster.location,
    ...(machine.zone ? { zones: [machine.zone] } : {}),
    properties: {
      latestModelApplied: latestModelApplied(pool, machine),
      provisioningState: machine.vmState ?? 'Succeeded',
      osProfile: { computerName: machine.name },
      vmId: vmId(cluster, machine),
      timeCreated: machine.createdAt ?? '2026-01-01T00:00:00.0000000Z',
    },
  };
}
