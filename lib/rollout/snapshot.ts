/**
 * One rollout snapshot: what the server read from ARM at one moment. Plain data that crosses from the server
 * action to the browser; lib/rollout turns a sequence of them into progress.
 */

export interface OperationError {
  code: string;
  message: string;
}

/** The Azure-AsyncOperation status, as ARM's operation status resource says it. */
export interface OperationStatus {
  /** `InProgress`, `ProvisioningControlPlane`, `UpgradingNodePools: apps 3/24 nodes replaced`, …, or a terminal word. */
  status: string;
  startTime: string | null;
  endTime: string | null;
  error: OperationError | null;
  readAt: string;
}

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
  /** Machine names as last read; null if ARM has not been asked yet. */
  machines: string[] | null;
  machinesReadAt: string | null;
}

export interface RolloutSnapshot {
  /** When the server put this snapshot together. */
  at: string;
  /** Null when the operation's own status is not available (no handle, or a handle without an operation URL). */
  operation: OperationStatus | null;
  cluster: {
    provisioningState: string;
    readAt: string;
    /** The CA list as ARM holds it now (PEM text per entry); sent once the operation has ended. */
    caEntries: string[] | null;
  };
  pools: PoolSnapshot[];
  /** When the browser should ask again: the configured interval, or ARM's Retry-After when larger. */
  pollAfterMs: number;
}
