/** Everything the ARM routes and the control API share. */
import type { Principal, VerifyBearer } from '../contract';
import type { FaultList } from './http/faults';
import type { TokenBuckets } from './http/throttle';
import type { Clock, RolloutSimulator } from './rollout/simulator';
import type { Store } from './state/store';
import type { OperationError } from './state/types';

export interface ArmSettings {
  /** Items per page of list responses before a nextLink. */
  pageSize: number;
  /** azure-facts U4: omit eTag from bodies. */
  omitETag: boolean;
  /** Latency added to every ARM request. */
  latencyMs: number;
  /** azure-facts U5 fault mode: a CA change on a cluster with Windows pools is refused (400, invented text). */
  rejectWindowsCaChange: boolean;
}

export interface ArmContext {
  publicBaseUrl: string;
  verifyBearer: VerifyBearer;
  store: Store;
  simulator: RolloutSimulator;
  clock: Clock;
  faults: FaultList;
  reads: TokenBuckets;
  writes: TokenBuckets;
  settings: ArmSettings;
  /** Set by the control API: the next CA rollout fails after this many batches. */
  failNext?: { afterBatches: number; error: OperationError };
}

export interface ArmEnv {
  Variables: { principal: Principal; apiVersion: string };
}
