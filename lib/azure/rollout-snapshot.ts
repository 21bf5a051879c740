/**
 * Puts one rollout snapshot together from ARM reads, reading only what may have changed since the previous
 * snapshot for the same caller (see rollout-reads.ts). ARM access is injected, so this is tested without a network.
 */
import type { ClusterSummary } from './models';
import type { OperationStatus, RolloutSnapshot } from '../rollout/snapshot';
import { operationPhase, terminalStatus } from '../rollout/operation-status';
import { needsClusterRead, needsMachinesRead, type ClusterMemory, type MachinesMemory } from './rollout-reads';

export interface OperationRead {
  status: string;
  startTime: string | null;
  endTime: string | null;
  error: { code: string; message: string } | null;
  retryAfterSeconds: number | null;
}

/** The ARM reads a snapshot is made of. The operation URL given to readOperation has passed checkOperationUrl. */
export interface RolloutReader {
  readOperation(url: string): Promise<OperationRead>;
  readCluster(): Promise<ClusterSummary>;
  listMachines(pool: string): Promise<string[]>;
}

/** What one caller's earlier snapshots of one rollout read, kept between snapshots. Holds no token. */
export interface ReadMemory {
  cluster?: ClusterMemory & { summary: ClusterSummary };
  machines: Record<string, MachinesMemory>;
}

export function emptyMemory(): ReadMemory {
  return { machines: {} };
}

export interface SnapshotRequest {
  /** A checked, rebuilt operation status URL, or null when the status is not available. */
  operationUrl: string | null;
  pollMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function buildSnapshot(reader: RolloutReader, memory: ReadMemory, request: SnapshotRequest, clock: () => number = Date.now): Promise<RolloutSnapshot> {
  let operation: OperationStatus | null = null;
  let retryAfterSeconds: number | null = null;
  if (request.operationUrl) {
    const read = await reader.readOperation(request.operationUrl);
    operation = { status: read.status, startTime: read.startTime, endTime: read.endTime, error: read.error, readAt: iso(clock()) };
    retryAfterSeconds = read.retryAfterSeconds;
  }
  const statusText = operation?.status ?? null;
  const terminal = terminalStatus(statusText) !== null;

  if (needsClusterRead(memory.cluster, statusText, clock())) {
    const summary = await reader.readCluster();
    memory.cluster = { summary, readAt: clock(), phase: statusText === null ? '' : operationPhase(statusText), terminal };
  }
  const cluster = memory.cluster!;
  const pools = cluster.summary.agentPools;
  const stale = pools.filter((pool) => needsMachinesRead(pool, memory.machines[pool.name], statusText, clock()));
  const lists = await Promise.all(stale.map(async (pool) => [pool, await reader.listMachines(pool.name)] as const));
  for (const [pool, names] of lists) memory.machines[pool.name] = { names, readAt: clock(), statusText, poolState: pool.provisioningState };
  for (const name of Object.keys(memory.machines)) if (!pools.some((pool) => pool.name === name)) delete memory.machines[name];

  const ended = terminal || (operation === null && !/^(updating|creating|deleting|upgrading|scaling|canceling)$/i.test(cluster.summary.provisioningState));
  return {
    at: iso(clock()),
    operation,
    cluster: { provisioningState: cluster.summary.provisioningState, readAt: iso(cluster.readAt), caEntries: ended ? cluster.summary.caEntries : null },
    pools: pools.map((pool) => {
      const machines = memory.machines[pool.name];
      return {
        name: pool.name,
        osType: pool.osType,
        type: pool.type,
        mode: pool.mode,
        count: pool.count,
        maxSurge: pool.maxSurge,
        provisioningState: pool.provisioningState,
        machines: machines ? [...machines.names] : null,
        machinesReadAt: machines ? iso(machines.readAt) : null,
      };
    }),
    pollAfterMs: Math.max(request.pollMs, (retryAfterSeconds ?? 0) * 1000),
  };
}

