/** Resource ids and names as ARM and AKS spell them. */
import { createHash } from 'node:crypto';
import type { ClusterView, MachineRecord, MachineView, PoolRecord, PoolView } from './types';

export function subscriptionPath(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

export function clusterIdOf(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.ContainerService/managedClusters/${name}`;
}

export function clusterId(cluster: Pick<ClusterView, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return clusterIdOf(cluster.subscriptionId, cluster.resourceGroup, cluster.name);
}

/** ARM ids are case-insensitive: state lookups use this key. */
export function clusterKeyOf(subscriptionId: string, resourceGroup: string, name: string): string {
  return clusterIdOf(subscriptionId, resourceGroup, name).toLowerCase();
}

export function nodeResourceGroup(cluster: Pick<ClusterView, 'resourceGroup' | 'name' | 'location'>): string {
  return `MC_${cluster.resourceGroup}_${cluster.name}_${cluster.location}`;
}

/** AKS VMSS suffix: 8 digits derived from the cluster and pool. */
export function vmssSuffix(clusterKey: string, pool: string): string {
  const digest = createHash('sha256').update(`${clusterKey}/${pool}`).digest();
  return String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0');
}

/** `aks-nodepool1-25481572-vmss00000a`: the instance id in base 36, six characters. */
export function machineName(pool: Pick<PoolRecord, 'name' | 'vmssSuffix'>, instance: number): string {
  return `aks-${pool.name}-${pool.vmssSuffix}-vmss${instance.toString(36).padStart(6, '0')}`;
}

export function vmssName(pool: Pick<PoolRecord, 'name' | 'vmssSuffix'>): string {
  return `aks-${pool.name}-${pool.vmssSuffix}-vmss`;
}

export function machineResourceId(cluster: ClusterView, pool: PoolView, machine: MachineView): string {
  return (
    `/subscriptions/${cluster.subscriptionId}/resourceGroups/${nodeResourceGroup(cluster)}` +
    `/providers/Microsoft.Compute/virtualMachineScaleSets/${vmssName(pool)}/virtualMachines/${machine.instance}`
  );
}

/** Adds a machine with the pool's next instance id; address and zone follow from the instance id. */
export function addMachine(pool: PoolRecord, poolIndex: number, now = Date.now()): MachineRecord {
  const instance = pool.nextInstance++;
  const zones = pool.availabilityZones ?? [];
  const machine: MachineRecord = {
    name: machineName(pool, instance),
    instance,
    ip: `10.224.${(poolIndex * 16 + Math.floor(instance / 250)) % 256}.${4 + (instance % 250)}`,
    ...(zones.length > 0 ? { zone: zones[instance % zones.length]! } : {}),
    model: pool.modelVersion ?? 0,
    createdAt: new Date(now).toISOString(),
  };
  pool.machines.push(machine);
  return machine;
}

/** Stable 8-hex tag AKS puts in the API server FQDN (`{dnsPrefix}-{tag}.hcp.{location}.azmk8s.io`). */
export function fqdnTag(cluster: ClusterView): string {
  return createHash('sha256').update(clusterId(cluster).toLowerCase()).digest('hex').slice(0, 8);
}
