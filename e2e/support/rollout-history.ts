/** The emulator's record of every rollout it ran (GET /_emulator/rollouts/history, emulator/arm/CONTROL.md). */
import { request } from '@playwright/test';
import { EMULATOR_URL } from '../environment';

export interface HistoryEntry {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  startedAt: string;
  endedAt: string | null;
  outcome: string | null;
}

/** Rollouts started at or after `since` (ISO), oldest first. */
export async function rolloutHistory(since?: string): Promise<HistoryEntry[]> {
  const api = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
  try {
    const response = await api.get('/_emulator/rollouts/history');
    if (!response.ok()) throw new Error(`GET /_emulator/rollouts/history: ${response.status()}`);
    const entries = ((await response.json()) as { value: HistoryEntry[] }).value;
    return entries
      .filter((e) => !since || Date.parse(e.startedAt) >= Date.parse(since))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  } finally {
    await api.dispose();
  }
}
