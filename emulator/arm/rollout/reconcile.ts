/**
 * The emulator's model of reconciliation: a PUT that leaves the CA list unchanged on a cluster whose Linux VMSS
 * pools still hold VMs behind the VMSS model (left by a failed or canceled CA rollout) renews exactly those VMs.
 * What real AKS does here is not recorded (azure-facts §13 records only a clean CA change); the emulator assumes
 * it reconciles toward the goal state, as AKS documents for operations retried after a failure. A VM counts as
 * behind when it is not on the pool's model or was left `Failed`. Only the first `count` machines count: the
 * operation's first step trims leftovers beyond the pool's count (surge machines of the stopped rollout).
 */
import type { ClusterView, MachineView, PoolView } from '../state/types';
import { rollsOnCaChange } from './plan-pools';

export function isBehind(pool: PoolView, machine: MachineView): boolean {
  return (machine.model ?? 0) < (pool.modelVersion ?? 0) || machine.vmState === 'Failed';
}

/** The machines a reconciliation renews in this pool (none for a pool a CA change does not roll). */
export function machinesBehind<P extends PoolView>(pool: P): P['machines'][number][] {
  if (!rollsOnCaChange(pool)) return [];
  return pool.machines.slice(0, pool.count).filter((machine) => isBehind(pool, machine));
}

/** Names of the pools a PUT with an unchanged CA list rolls: those with a VM behind. */
export function poolsBehind(cluster: ClusterView): string[] {
  return cluster.pools.filter((pool) => machinesBehind(pool).length > 0).map((pool) => pool.name);
}
