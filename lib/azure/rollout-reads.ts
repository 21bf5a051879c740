/**
 * Which ARM reads a rollout snapshot needs, given what was read before for the same caller and rollout (azure-facts
 * §7: reads are a shared, throttled budget). The operation status is read every time; the cluster when the
 * operation enters a new phase; a pool's machines when the operation's text says that pool moved, when the pool's
 * state changed, or at a slower interval. Pure.
 */
import { operationPhase, poolProgressText, terminalStatus } from '../rollout/operation-status';

export const CLUSTER_MAX_AGE_MS = 30_000;
/** A pool that is Updating is re-read at least this often, whatever the operation says. */
export const UPDATING_MACHINES_MAX_AGE_MS = 30_000;
/** Without the operation's status, machine churn is the only progress signal for an Updating pool. */
export const UPDATING_MACHINES_NO_STATUS_MAX_AGE_MS = 10_000;
export const IDLE_MACHINES_MAX_AGE_MS = 5 * 60_000;

export interface ClusterMemory {
  readAt: number;
  /** Phase of the operation when the cluster was read ('' without status). */
  phase: string;
  terminal: boolean;
}

export interface MachinesMemory {
  names: string[];
  readAt: number;
  /** The operation status text and the pool's provisioning state when the machines were read. */
  statusText: string | null;
  poolState: string;
}

export function needsClusterRead(previous: ClusterMemory | undefined, statusText: string | null, now: number): boolean {
  if (!previous || statusText === null) return true;
  if (terminalStatus(statusText) && !previous.terminal) return true;
  if (operationPhase(statusText) !== previous.phase) return true;
  return now - previous.readAt >= CLUSTER_MAX_AGE_MS;
}

export function needsMachinesRead(pool: { name: string; provisioningState: string }, previous: MachinesMemory | undefined, statusText: string | null, now: number): boolean {
  if (!previous) return true;
  if (previous.poolState !== pool.provisioningState) return true;
  const age = now - previous.readAt;
  const updating = pool.provisioningState.toLowerCase() === 'updating';
  if (statusText === null) return age >= (updating ? UPDATING_MACHINES_NO_STATUS_MAX_AGE_MS : IDLE_MACHINES_MAX_AGE_MS);
  if (poolProgressText(statusText)?.pool === pool.name && statusText !== previous.statusText) return true;
  return age >= (updating ? UPDATING_MACHINES_MAX_AGE_MS : IDLE_MACHINES_MAX_AGE_MS);
}
