/** Which pools a CA change touches. */
import type { PoolView } from '../state/types';

/** Pools whose nodes a CA change reimages: Linux VMSS pools (Windows pools are not supported, azure-facts §1). */
export function rollsOnCaChange(pool: PoolView): boolean {
  return pool.osType === 'Linux' && pool.type === 'VirtualMachineScaleSets';
}
