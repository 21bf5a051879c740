'use client';
/**
 * What the inventory hands to "Plan a change" that does not fit a URL: an explicit choice of clusters and a loaded
 * baseline bundle. sessionStorage (this tab only); the change page reads it once. Plain strings, checked again by
 * lib/pki and the planner like any input.
 */
const KEY = 'aks-ca-trust:fleet-handoff';
const BASELINE_KEY = 'aks-ca-trust:fleet-baseline';

export interface Handoff {
  clusterIds?: string[];
}

export function handOff(handoff: Handoff): void {
  sessionStorage.setItem(KEY, JSON.stringify(handoff));
}

export function readHandoff(): Handoff {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as { clusterIds?: unknown };
    const ids = Array.isArray(value.clusterIds) ? value.clusterIds.filter((id) => typeof id === 'string') : undefined;
    return ids ? { clusterIds: ids as string[] } : {};
  } catch {
    return {};
  }
}

/** The baseline bundle loaded in the inventory: its file name and PEM texts. */
export interface StoredBaseline {
  name: string;
  certificates: string[];
}

export function storeBaseline(baseline: StoredBaseline | null): void {
  if (baseline) sessionStorage.setItem(BASELINE_KEY, JSON.stringify(baseline));
  else sessionStorage.removeItem(BASELINE_KEY);
}

export function readStoredBaseline(): StoredBaseline | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(BASELINE_KEY) ?? 'null') as Partial<StoredBaseline> | null;
    if (!value || typeof value.name !== 'string' || !Array.isArray(value.certificates)) return null;
    return { name: value.name, certificates: value.certificates.filter((c) => typeof c === 'string') };
  } catch {
    return null;
  }
}
