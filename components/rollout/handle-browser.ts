'use client';
/**
 * The browser side of the private rollout handle: saved by apply for the signed-in account, looked up by the
 * rollout view. Tagged with the account's homeAccountId when the auth layer gives one, else its username and home
 * tenant (both identify one account of this browser).
 */
import type { SignedInAccount } from '@/components/auth/auth-context';
import { browserHandleStorage, loadRolloutHandle, saveRolloutHandle, type LoadedHandle } from '@/lib/rollout/handle-store';
import type { RolloutHandle } from '@/lib/rollout/handle';

export function accountTag(account: SignedInAccount): string {
  const home = (account as SignedInAccount & { homeAccountId?: string }).homeAccountId;
  return home ?? `${account.username.toLowerCase()}|${account.tenantId.toLowerCase()}`;
}

export function rememberRolloutHandle(account: SignedInAccount, handle: RolloutHandle): boolean {
  return saveRolloutHandle(browserHandleStorage(), accountTag(account), handle);
}

export function findRolloutHandle(account: SignedInAccount, rollout: { operationId: string | null; clusterId: string; since: string }): LoadedHandle {
  return loadRolloutHandle(browserHandleStorage(), accountTag(account), rollout);
}
