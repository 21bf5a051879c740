/**
 * Puts one rollout snapshot together from ARM reads, reading only what may have changed since the previous
 * snapshot for the same caller (rollout-reads.ts), and says whether the rollout ended and when to ask again.
 * ARM access is injected, so this is tested without a network.
 */
import 'server-only';
import type { ClusterSummary } from './models';
import type {
  MachineSnapshot,
  OperationStatus,
  PoolSnapshot,
  RolloutEnd,
  RolloutSnapshot,
  VmSignal,
} from '../rollout/snapshot';
import { isBusyState, operationOutcome, stateOutcome } from '../rollout/provisioning-state';
import { rollsOnCaChange } from '../rollout/pool-progress';
import {
  needsClusterRead,
  needsPoolRead,
  FORBIDDEN_RETRY_MS,
  type ClusterReadState,
  type PoolReadState,
} from './rollout-reads';
import { scaleSetOf, type OperationRead, type VmRead } from './rollout-wire';

export interface MachineRead {
  name: string;
  resourceId: string | null;
}

/** The ARM reads a snapshot is made of. The operation URL given to readOperation has passed checkOperationUrl. */
export interface RolloutReader {
  readOperation(url: string): Promise<OperationRead>;
  readCluster(): Promise<ClusterSummary>;
  listMachines(pool: string): Promise<{ machines: MachineRead[]; pages: number }>;
  /** `scaleSetId` came from a machine's resourceId and passed scaleSetOf. */
  listVms(scaleSetId: string): Promise<{ vms: VmRead[]; pages: number }>;
}

type VmMemory =
  | { kind: 'read'; vms: VmRead[] }
  | { kind: 'unavailable'; reason: 'forbidden' | 'no-resource-id' | 'error'; message: string; at: number }
  | { kind: 'not-read' };

interface PoolMemory extends PoolReadState {
  machines: MachineRead[] | null;
  machinesError: string | null;
  vms: VmMemory;
  vmsReadAt: number;
}

/** What one caller's earlier snapshots of one rollout read, kept between snapshots. Holds no token. */
export interface ReadMemory {
  cluster?: ClusterReadState & { summary: ClusterSummary };
  pools: Record<string, PoolMemory>;
}

export function emptyMemory(): ReadMemory {
  return { pools: {} };
}

export interface SnapshotRequest {
  /** A checked operation status URL, or null when the status is not available. */
  operationUrl: string | null;
  pollMs: number;
  /** Read the cluster whatever the schedule says. */
  refreshCluster?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const statusOf = (error: unknown) => (error as { statusCode?: unknown })?.statusCode;
const codeOf = (error: unknown) => String((error as { code?: unknown })?.code ?? 'Unknown').slice(0, 128);

/** 403 and 404 make one signal unavailable; anything else (429, 5xx, network) fails the snapshot as transient. */
const isRefusal = (error: unknown) => statusOf(error) === 403 || statusOf(error) === 404;

async function readPool(
  reader: RolloutReader,
  subscriptionId: string,
  pool: ClusterSummary['agentPools'][number],
  previous: PoolMemory | undefined,
  now: number,
): Promise<Omit<PoolMemory, 'readAt' | 'poolState'>> {
  let machines: MachineRead[] | null = null;
  let machinesError: string | null = null;
  let pages = 0;
  try {
    const listed = await reader.listMachines(pool.name);
    machines = listed.machines;
    pages += listed.pages;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    machinesError = `${codeOf(error)} (HTTP ${statusOf(error)})`;
  }
  let vms: VmMemory = { kind: 'not-read' };
  let vmsReadAt = now;
  if (
    previous?.vms.kind === 'unavailable' &&
    previous.vms.reason === 'forbidden' &&
    now - previous.vms.at < FORBIDDEN_RETRY_MS
  ) {
    vms = previous.vms; // a 403 does not go away in seconds: ask again later
    vmsReadAt = previous.vmsReadAt;
  } else if (machines && rollsOnCaChange(pool)) {
    // Only pools a CA change renews need the per-node signal.
    const scaleSets = [
      ...new Set(
        machines
          .map((m) => scaleSetOf(m.resourceId, subscriptionId))
          .filter((id): id is string => id !== null)
          .map((id) => id),
      ),
    ];
    if (machines.length > 0 && scaleSets.length === 0)
      vms = { kind: 'unavailable', reason: 'no-resource-id', message: 'the machines do not name a VMSS VM', at: now };
    else {
      try {
        const lists = await Promise.all(scaleSets.map((id) => reader.listVms(id)));
        vms = { kind: 'read', vms: lists.flatMap((l) => l.vms) };
        pages += lists.reduce((sum, l) => sum + l.pages, 0);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        vms = {
          kind: 'unavailable',
          reason: statusOf(error) === 403 ? 'forbidden' : 'error',
          message: `${codeOf(error)} (HTTP ${statusOf(error)})`,
          at: now,
        };
      }
    }
  }
  return { machines, machinesError, pages: Math.max(1, pages), vms, vmsReadAt };
}

function joinVms(memory: PoolMemory): { machines: MachineSnapshot[] | null; vms: VmSignal } {
  if (!memory.machines)
    return {
      machines: null,
      vms:
        memory.vms.kind === 'unavailable'
          ? { kind: 'unavailable', reason: memory.vms.reason, message: memory.vms.message }
          : { kind: 'not-read' },
    };
  if (memory.vms.kind !== 'read') {
    const vms: VmSignal =
      memory.vms.kind === 'unavailable'
        ? { kind: 'unavailable', reason: memory.vms.reason, message: memory.vms.message }
        : { kind: 'not-read' };
    return { machines: memory.machines.map((m) => ({ name: m.name, vm: null })), vms };
  }
  const byId = new Map(memory.vms.vms.map((vm) => [vm.id.toLowerCase(), vm]));
  const byName = new Map(
    memory.vms.vms.filter((vm) => vm.computerName).map((vm) => [vm.computerName!.toLowerCase(), vm]),
  );
  return {
    machines: memory.machines.map((m) => {
      const vm = (m.resourceId ? byId.get(m.resourceId.toLowerCase()) : undefined) ?? byName.get(m.name.toLowerCase());
      return {
        name: m.name,
        vm: vm ? { latestModelApplied: vm.latestModelApplied, provisioningState: vm.provisioningState } : null,
      };
    }),
    vms: { kind: 'read', readAt: iso(memory.vmsReadAt) },
  };
}

function endOf(operation: OperationStatus | null, cluster: ClusterSummary): RolloutEnd | null {
  if (operation) {
    const outcome = operationOutcome(operation.status);
    return outcome ? { outcome, source: 'operation' } : null;
  }
  const outcome = stateOutcome(cluster.provisioningState);
  if (!outcome || cluster.agentPools.some((pool) => isBusyState(pool.provisioningState))) return null;
  return { outcome, source: 'cluster' };
}

export async function buildSnapshot(
  reader: RolloutReader,
  memory: ReadMemory,
  request: SnapshotRequest,
  clock: () => number = Date.now,
): Promise<RolloutSnapshot> {
  let operation: OperationStatus | null = null;
  let retryAfterSeconds: number | null = null;
  if (request.operationUrl) {
    const read = await reader.readOperation(request.operationUrl);
    operation = {
      status: read.status,
      startTime: read.startTime,
      endTime: read.endTime,
      error: read.error,
      readAt: iso(clock()),
    };
    retryAfterSeconds = read.retryAfterSeconds;
  }
  const statusText = operation?.status ?? null;
  if (
    request.refreshCluster ||
    needsClusterRead(memory.cluster, statusText, operation !== null, clock(), request.pollMs)
  ) {
    const summary = await reader.readCluster();
    memory.cluster = { summary, readAt: clock(), statusText };
  }
  const cluster = memory.cluster!.summary;
  const totalPages = Object.values(memory.pools).reduce((sum, pool) => sum + pool.pages, 0);
  const stale = cluster.agentPools.filter((pool) =>
    needsPoolRead(pool, memory.pools[pool.name], clock(), request.pollMs, totalPages),
  );
  const reads = await Promise.all(
    stale.map(
      async (pool) =>
        [pool, await readPool(reader, cluster.subscriptionId, pool, memory.pools[pool.name], clock())] as const,
    ),
  );
  for (const [pool, read] of reads)
    memory.pools[pool.name] = { ...read, readAt: clock(), poolState: pool.provisioningState };
  for (const name of Object.keys(memory.pools))
    if (!cluster.agentPools.some((pool) => pool.name === name)) delete memory.pools[name];

  const end = endOf(operation, cluster);
  const pools: PoolSnapshot[] = cluster.agentPools.map((pool) => {
    const read = memory.pools[pool.name]!;
    const joined = joinVms(read);
    return {
      name: pool.name,
      osType: pool.osType,
      type: pool.type,
      mode: pool.mode,
      count: pool.count,
      maxSurge: pool.maxSurge,
      provisioningState: pool.provisioningState,
      machines: joined.machines,
      machinesReadAt: read.machines ? iso(read.readAt) : null,
      machinesError: read.machinesError,
      vms: joined.vms,
    };
  });
  const retryAfterMs = (retryAfterSeconds ?? 0) * 1000;
  return {
    at: iso(clock()),
    operation,
    cluster: {
      provisioningState: cluster.provisioningState,
      readAt: iso(memory.cluster!.readAt),
      caBundle: end ? cluster.caBundle : null,
    },
    pools,
    end,
    next: end
      ? null
      : retryAfterMs > request.pollMs
        ? { afterMs: retryAfterMs, reason: 'retry-after' }
        : { afterMs: request.pollMs, reason: 'interval' },
  };
}
