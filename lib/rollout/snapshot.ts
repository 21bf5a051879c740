/**
 * One rollout snapshot: what the server read from ARM at one moment, and whether the rollout ended and when to ask
 * again (the server decides both; the browser only folds snapshots). Plain data that crosses from the server action
 * to the browser; lib/rollout turns a sequence of them into progress. Every text in it came from ARM: render it as
 * text only.
 */
import type { ProvisioningOutcome } from './provisioning-state';

export interface OperationError {
  code: string;
  /** ARM's message, cut at MAX_ERROR_MESSAGE characters on the server (then `truncated`). */
  message: string;
  truncated?: boolean;
}

/** The Azure-AsyncOperation status, as ARM's operation status resource says it. */
export interface OperationStatus {
  /** `InProgress`, `ProvisioningControlPlane`, `ReconcilingDNS`, … or a terminal word. Shown verbatim, never parsed beyond the terminal words. */
  status: string;
  startTime: string | null;
  endTime: string | null;
  error: OperationError | null;
  readAt: string;
}

/** A VMSS VM as Microsoft.Compute reports it (azure-facts §13). */
export interface VmState {
  /** False once the scale set's model changed and this VM is not on it yet; null when ARM did not say. */
  latestModelApplied: boolean | null;
  provisioningState: string;
}

export interface MachineSnapshot {
  name: string;
  /** The machine's VMSS VM; null when VMs were not read (see PoolSnapshot.vms) or this machine's VM was not listed. */
  vm: VmState | null;
}

/** Whether the pool's VMSS VMs could be read, the strongest per-node signal. */
export type VmSignal =
  | { kind: 'read'; readAt: string }
  /** forbidden: no read access to the node resource group (403); no-resource-id: machines do not name their VM; error: another refusal. */
  | { kind: 'unavailable'; reason: 'forbidden' | 'no-resource-id' | 'error'; message: string }
  | { kind: 'not-read' };

export interface PoolSnapshot {
  name: string;
  osType: string;
  /** `VirtualMachineScaleSets`, `AvailabilitySet` or `VirtualMachines`. */
  type: string;
  mode: string;
  /** Target node count. */
  count: number;
  maxSurge: string;
  provisioningState: string;
  /** Machines as last read; null if they have not been (or could not be) read. */
  machines: MachineSnapshot[] | null;
  machinesReadAt: string | null;
  /** Why the machines could not be listed (e.g. a 403), or null. */
  machinesError: string | null;
  vms: VmSignal;
}

export interface RolloutEnd {
  outcome: ProvisioningOutcome;
  /** operation: its status said so; cluster: no operation status, the cluster and its pools are no longer busy. */
  source: 'operation' | 'cluster';
}

/** When to ask again. `retry-after`: ARM asked for a longer pause than the configured interval. */
export interface NextPoll {
  afterMs: number;
  reason: 'interval' | 'retry-after';
}

export interface RolloutSnapshot {
  /** When the server put this snapshot together. */
  at: string;
  /** Null when the operation's own status is not available (this browser holds no handle for the rollout). */
  operation: OperationStatus | null;
  cluster: {
    provisioningState: string;
    readAt: string;
    /** The CA list as ARM holds it now (PEM text per entry); sent once the rollout has ended. */
    caBundle: string[] | null;
  };
  pools: PoolSnapshot[];
  /** Set once the rollout ended: the browser stops asking. */
  end: RolloutEnd | null;
  /** Null once ended. */
  next: NextPoll | null;
}
