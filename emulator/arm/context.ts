/** Everything the ARM routes and the control API share. */
import type { Principal, VerifyBearer } from '../contract';
import type { FaultList } from './http/faults';
import type { ArmBudgets } from './http/throttle';
import type { Clock, RolloutSimulator } from './rollout/simulator';
import type { Store } from './state/store';
import type { OperationSigning } from './operations/signing-certificate';

export type ETagMode = 'seed' | 'always' | 'never';

export interface ArmSettings {
  /** Items per page of list responses before a nextLink. */
  pageSize: number;
  /** Items per page of machine and VMSS VM lists (bigger, so a 1,000-node pool is a few pages; real page size unknown). */
  machinePageSize: number;
  /** azure-facts §13: real bodies carry no eTag. `seed`: only seed clusters marked so; `always`; `never`. */
  eTags: ETagMode;
  /** Latency added to every ARM request. */
  latencyMs: number;
  /** azure-facts U5 fault mode: a CA change on a cluster with Windows pools is refused (400, invented text). */
  rejectWindowsCaChange: boolean;
}

export interface ArmContext {
  readonly publicBaseUrl: string;
  readonly verifyBearer: VerifyBearer;
  readonly store: Store;
  readonly simulator: RolloutSimulator;
  readonly clock: Clock;
  readonly faults: FaultList;
  /** ARM's token buckets (reads, writes, deletes; per principal and global per subscription). */
  readonly budgets: ArmBudgets;
  readonly settings: ArmSettings;
  /** Signs and checks operation URLs (azure-facts §13). */
  readonly operationSigning: OperationSigning;
}

export interface ArmEnv {
  Variables: { principal: Principal; apiVersion: string };
}
