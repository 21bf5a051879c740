/**
 * What a change of the CA list costs, from the cluster's pools (azure-facts §1, §5): every Linux VMSS pool is
 * reimaged node by node with its surge; Windows pools do not receive custom CAs at all. Pure.
 */
import type { AgentPoolSummary } from './types';

export interface ReplacedAgentPool {
  name: string;
  mode: string;
  count: number;
  maxSurge: string;
  /** Extra nodes that exist at once while the pool is replaced. */
  surgeMachines: number;
}

export interface SkippedAgentPool {
  name: string;
  osType: string;
  type: string;
  count: number;
  reason: 'windows' | 'not-vmss';
}

export interface ChangeImpact {
  replaced: ReplacedAgentPool[];
  skipped: SkippedAgentPool[];
  machinesReplaced: number;
}

/** `maxSurge` as AKS reads it: a percentage of the pool (rounded up) or an absolute count; at least 1, at most the pool. */
export function surgeMachines(count: number, maxSurge: string): number {
  if (count <= 0) return 0;
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(maxSurge);
  const absolute = /^\s*(\d+)\s*$/.exec(maxSurge);
  const raw = percent
    ? Math.ceil((count * Number(percent[1])) / 100)
    : absolute
      ? Number(absolute[1])
      : Math.ceil(count * 0.1);
  return Math.min(count, Math.max(1, raw));
}

export function changeImpact(pools: AgentPoolSummary[]): ChangeImpact {
  const replaced: ReplacedAgentPool[] = [];
  const skipped: SkippedAgentPool[] = [];
  for (const pool of pools) {
    if (pool.osType.toLowerCase() === 'windows') {
      skipped.push({ name: pool.name, osType: pool.osType, type: pool.type, count: pool.count, reason: 'windows' });
    } else if (pool.type.toLowerCase() !== 'virtualmachinescalesets') {
      skipped.push({ name: pool.name, osType: pool.osType, type: pool.type, count: pool.count, reason: 'not-vmss' });
    } else {
      replaced.push({
        name: pool.name,
        mode: pool.mode,
        count: pool.count,
        maxSurge: pool.maxSurge,
        surgeMachines: surgeMachines(pool.count, pool.maxSurge),
      });
    }
  }
  return { replaced, skipped, machinesReplaced: replaced.reduce((sum, pool) => sum + pool.count, 0) };
}
