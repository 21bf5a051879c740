'use client';
/**
 * The browser side of the private rollout handle: saved by apply for the signed-in account, looked up by the
 * rollout view, tagged with the signed-in account (accountTagOf).
 */
import type { SignedInAccount } from '@/components/auth/auth-context';
import {
  accountTagOf,
  browserHandleStorage,
  handlesForCluster,
  loadRolloutHandle,
  saveRolloutHandle,
  type LoadedHandle,
} from '@/lib/rollout/handle-store';
import type { RolloutHandle } from '@/lib/rollout/handle';

export const accountTag = (account: SignedInAccount): string => accountTagOf(account);

export function rememberRolloutHandle(account: SignedInAccount, handle: RolloutHandle): boolean {
  return saveRolloutHandle(browserHandleStorage(), accountTag(account), handle);
}

export function findRolloutHandle(
  account: SignedInAccount,
  rollout: { operationId: string | null; clusterId: string; since: string },
): LoadedHandle {
  return loadRolloutHandle(browserHandleStorage(), accountTag(account), rollout);
}

/** The newest rollout this account started on the cluster from this browser, if any (for a link to full precision). */
export function latestRolloutHandle(account: SignedInAccount, clusterId: string): RolloutHandle | null {
  return handlesForCluster(browserHandleStorage(), accountTag(account), clusterId)[0] ?? null;
}
