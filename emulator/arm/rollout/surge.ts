/** Surge size from `upgradeSettings.maxSurge` (azure-facts U9): ⌈count×pct⌉ or an absolute number, at least 1. */
export const DEFAULT_MAX_SURGE = '10%';

export function surgeCount(nodeCount: number, maxSurge: string | undefined): number {
  if (nodeCount <= 0) return 0;
  const value = (maxSurge ?? DEFAULT_MAX_SURGE).trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  const wanted = percent ? Math.ceil((nodeCount * Number(percent[1])) / 100) : Number.parseInt(value, 10);
  if (!Number.isFinite(wanted)) return 1;
  return Math.min(nodeCount, Math.max(1, wanted));
}
