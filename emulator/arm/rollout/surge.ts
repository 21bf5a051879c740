/**
 * Batch sizes from `upgradeSettings` (azure-facts §5, §13): `maxSurge` and `maxUnavailable` are an integer or a
 * percentage of the pool; percentages round up (U9). `maxSurge "0"` adds no surge node ("max unavailable doesn't
 * create surge nodes"); with `maxUnavailable` 0, AKS requires `maxSurge` > 0 (checked on PUT).
 */
export const DEFAULT_MAX_SURGE = '10%';
export const DEFAULT_MAX_UNAVAILABLE = '0';
/** What a PUT with `upgradeSettings: {}` reads back as (recorded). */
export const DEFAULT_UPGRADE_SETTINGS = {
  maxSurge: DEFAULT_MAX_SURGE,
  maxUnavailable: DEFAULT_MAX_UNAVAILABLE,
} as const;

function count(machineCount: number, value: string): number {
  const text = value.trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const wanted = percent ? Math.ceil((machineCount * Number(percent[1])) / 100) : Number.parseInt(text, 10);
  return Number.isFinite(wanted) ? Math.min(machineCount, Math.max(0, wanted)) : 0;
}

export function surgeCount(machineCount: number, maxSurge: string | undefined): number {
  return machineCount <= 0 ? 0 : count(machineCount, maxSurge ?? DEFAULT_MAX_SURGE);
}

export function unavailableCount(machineCount: number, maxUnavailable: string | undefined): number {
  return machineCount <= 0 ? 0 : count(machineCount, maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE);
}

/** `maxSurge` 0 and `maxUnavailable` 0 together would never make progress: AKS refuses them. */
export function stalls(maxSurge: string | undefined, maxUnavailable: string | undefined): boolean {
  return surgeCount(100, maxSurge) === 0 && unavailableCount(100, maxUnavailable) === 0;
}
