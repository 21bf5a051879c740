/**
 * Which ARM reads a rollout snapshot needs, given what was read before for the same caller and rollout (azure-facts
 * §7: reads are a shared, throttled budget). The operation status is read every time (one small GET); the cluster
 * (pool states) when the status changes and every few polls; a pool's machines and VMSS VMs when its state changes and otherwise at an interval that grows with the number of pages the cluster's lists took, so that a
 * 1,000-node cluster costs about as many list reads per minute as a 100-node one. Intervals are multiples of the poll interval.
 * The status text is compared for equality only, never parsed. Pure.
 */
import 'server-only';
import { isBusyState } from '../rollout/provisioning-state';

/** With the operation status, the cluster is re-read at least every this many polls (30 s at the product's 5 s). */
export const CLUSTER_EVERY_POLLS = 6;
/** Without it, pool and cluster states are the main signal: every other poll. */
export const CLUSTER_EVERY_POLLS_NO_STATUS = 2;
/** A busy pool's machines and VMs: at least this many polls apart, more for many pages. */
export const LISTS_EVERY_POLLS = 6;
export const POLLS_PER_PAGE = 0.3;
export const IDLE_LISTS_MAX_AGE_MS = 5 * 60_000;
/** A 403 on the node resource group is asked again only this often. */
export const FORBIDDEN_RETRY_MS = 5 * 60_000;

export interface ClusterReadState {
  readAt: number;
  /** The operation status text when the cluster was read (null without status). */
  statusText: string | null;
}

export interface PoolReadState {
  readAt: number;
  poolState: string;
  /** Pages this pool's machines and VMs took last time. */
  pages: number;
}

export function needsClusterRead(
  previous: ClusterReadState | undefined,
  statusText: string | null,
  hasOperation: boolean,
  now: number,
  pollMs: number,
): boolean {
  if (!previous) return true;
  if (statusText !== previous.statusText) return true;
  return (
    now - previous.readAt >= pollMs * (hasOperation ? CLUSTER_EVERY_POLLS : CLUSTER_EVERY_POLLS_NO_STATUS) - pollMs / 2
  );
}

export function listsIntervalMs(pages: number, pollMs: number): number {
  return pollMs * Math.max(LISTS_EVERY_POLLS, Math.ceil(pages * POLLS_PER_PAGE));
}

/** `totalPages`: what the last lists of every pool of the cluster took, so that the whole cluster's lists stay within budget. */
export function needsPoolRead(
  pool: { provisioningState: string },
  previous: PoolReadState | undefined,
  now: number,
  pollMs: number,
  totalPages: number,
): boolean {
  if (!previous) return true;
  // A status change alone says nothing about nodes (the texts are not parsed): the pool's own state, or time, does.
  if (previous.poolState !== pool.provisioningState) return true;
  const age = now - previous.readAt;
  // Half a poll of slack: a poll that comes a little early does not wait a whole extra interval.
  return (
    age >=
    (isBusyState(pool.provisioningState) ? listsIntervalMs(totalPages, pollMs) : IDLE_LISTS_MAX_AGE_MS) - pollMs / 2
  );
}
