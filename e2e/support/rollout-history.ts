/** The emulator's record of every CA rollout it ran (GET /_emulator/rollouts/history, emulator/arm/CONTROL.md). */
import { request } from '@playwright/test';
import { EMULATOR_URL } from '../environment';

export interface HistoryEntry {
  operationId: string;
  /** Lower-cased ARM id. */
  clusterId: string;
  /** The cluster's name (the id's last segment). */
  name: string;
  status: string;
  /** Emulator clock: compare entries with each other, not with the test's clock. */
  startedAt: string;
  endedAt: string | null;
}

/** Every rollout, oldest first; `after` leaves out the operations of an earlier read. */
export async function rolloutHistory(after: HistoryEntry[] = []): Promise<HistoryEntry[]> {
  const api = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
  try {
    const response = await api.get('/_emulator/rollouts/history');
    if (!response.ok()) throw new Error(`GET /_emulator/rollouts/history: ${response.status()}`);
    const seen = new Set(after.map((e) => e.operationId));
    const value = (
      (await response.json()) as {
        value: { operationId: string; clusterId: string; status: string; startTime: string; endTime: string | null }[];
      }
    ).value;
    return value
      .filter((e) => !seen.has(e.operationId))
      .map((e) => ({
        operationId: e.operationId,
        clusterId: e.clusterId,
        name: e.clusterId.split('/').at(-1)!,
        status: e.status,
        startedAt: e.startTime,
        endedAt: e.endTime,
      }));
  } finally {
    await api.dispose();
  }
}
