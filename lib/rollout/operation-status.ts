/**
 * Reading AKS operation status texts. Progress exists only as free text (azure-facts §3): `InProgress`,
 * `ProvisioningControlPlane`, `UpgradingNodePools: <pool> <k>/<n> nodes replaced`, `ReconcilingDNS`, then a
 * terminal word. Terminal detection follows the SDK poller: contains "succeeded", contains "fail", or equals
 * "canceled"/"cancelled" (case-insensitive).
 */

export type TerminalStatus = 'Succeeded' | 'Failed' | 'Canceled';

export function terminalStatus(text: string | null | undefined): TerminalStatus | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  if (lower.includes('succeeded')) return 'Succeeded';
  if (lower.includes('fail')) return 'Failed';
  if (lower === 'canceled' || lower === 'cancelled') return 'Canceled';
  return null;
}

export interface PoolProgressText {
  pool: string;
  replaced: number;
  total: number;
}

const POOL_PROGRESS = /^UpgradingNodePools:\s*(\S+)\s+(\d+)\/(\d+)\b/i;

/** The pool and counts named by an `UpgradingNodePools: <pool> k/n nodes replaced` text, else null. */
export function poolProgressText(text: string | null | undefined): PoolProgressText | null {
  const match = text ? POOL_PROGRESS.exec(text) : null;
  return match ? { pool: match[1]!, replaced: Number(match[2]), total: Number(match[3]) } : null;
}

/**
 * The phase a text stands for, without its counters: "UpgradingNodePools: apps 3/24 nodes replaced" and
 * "… 4/24 …" share the phase "UpgradingNodePools: apps". A new phase is when cluster and pool states may move.
 */
export function operationPhase(text: string | null | undefined): string {
  if (!text) return '';
  const pool = poolProgressText(text);
  if (pool) return `UpgradingNodePools: ${pool.pool}`;
  return text.replace(/\d+\/\d+/g, '').trim();
}
