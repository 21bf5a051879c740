/**
 * The one provisioning-state vocabulary: what a cluster's or agent pool's `provisioningState` (azure-facts §3) and
 * an operation's status word (§13) mean. Used by the apply gate, the rollout model and the snapshot reader, so
 * that "has it ended", "is something running" and "how did it end" are decided in one place. Case-insensitive;
 * a state this list does not know is neither busy nor ended: callers show it verbatim and treat it as unknown
 * (the apply gate does not write into it). Pure.
 */

export type ProvisioningOutcome = 'succeeded' | 'failed' | 'canceled';

export interface ProvisioningStateInfo {
  /** The state as ARM wrote it (trimmed); '' when absent. */
  state: string;
  /** In the vocabulary below. */
  known: boolean;
  /** No operation is running: the last one ended (AKS accepts a new write). */
  terminal: boolean;
  /** An operation is running (creating, updating, canceling, …). */
  busy: boolean;
  /** How the last operation ended, for terminal states. */
  outcome: ProvisioningOutcome | null;
}

const TERMINAL: Record<string, ProvisioningOutcome> = {
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
};

/** Documented running states (§3; Starting/Stopping [U10]); Migrating and Reconciling appear in AKS too. */
const BUSY = new Set([
  'creating',
  'updating',
  'deleting',
  'upgrading',
  'scaling',
  'canceling',
  'cancelling',
  'starting',
  'stopping',
  'migrating',
  'reconciling',
  'accepted',
]);

export function provisioningState(raw: string | null | undefined): ProvisioningStateInfo {
  const state = (raw ?? '').trim();
  const lower = state.toLowerCase();
  const outcome = TERMINAL[lower] ?? null;
  const busy = BUSY.has(lower);
  return { state, known: outcome !== null || busy, terminal: outcome !== null, busy, outcome };
}

export const isTerminalState = (raw: string | null | undefined): boolean => provisioningState(raw).terminal;
export const isBusyState = (raw: string | null | undefined): boolean => provisioningState(raw).busy;
export const stateOutcome = (raw: string | null | undefined): ProvisioningOutcome | null =>
  provisioningState(raw).outcome;

/** Canceling is busy, but the view names it: an abort was asked for and AKS is winding down. */
export const isCancelingState = (raw: string | null | undefined): boolean => /^cancell?ing$/i.test((raw ?? '').trim());

/**
 * Whether AKS accepts a new write of the cluster in this state: only after an operation ended (a failed or canceled
 * one can be retried by writing again). A running or unknown state does not.
 */
export const acceptsWrite = (raw: string | null | undefined): boolean => provisioningState(raw).terminal;

/**
 * The outcome an operation status word names, or null while it runs. Only the terminal words count (§13: the
 * intermediate texts `InProgress`, `ProvisioningControlPlane`, `ReconcilingDNS` are shown, never parsed).
 */
export const operationOutcome = (status: string | null | undefined): ProvisioningOutcome | null =>
  TERMINAL[(status ?? '').trim().toLowerCase()] ?? null;
