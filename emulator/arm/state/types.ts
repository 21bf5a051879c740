/**
 * The ARM emulator's state: plain JSON-serializable records, so the whole store can be written to a state file
 * and read back. Wire shapes are produced from these by emulator/arm/wire/.
 */
import type { RoleName } from '../../directory';

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled';
}

export interface ExtraRoleAssignment {
  objectId: string;
  scope: string;
  role: RoleName;
}

export interface ResourceGroupRecord {
  subscriptionId: string;
  name: string;
  location: string;
}

/** A VMSS VM's provisioningState (Microsoft.Compute); absent = `Succeeded`. */
export type VmState = 'Creating' | 'Updating' | 'Succeeded' | 'Deleting' | 'Failed';

export interface MachineRecord {
  name: string;
  /** VMSS instance id (the number behind `vmss` in base 36). */
  instance: number;
  ip: string;
  zone?: string;
  /** The VMSS model version this VM runs (absent = 0); behind the pool's `modelVersion` = `latestModelApplied: false`. */
  model?: number;
  vmState?: VmState;
  /** ISO time the VM was created. */
  createdAt?: string;
}

/** How a CA change replaces nodes (azure-facts §13: not recorded which one AKS does, so the seed has both). */
export type NodeReplacement = 'replace' | 'reimage';

export interface UpgradeSettings {
  maxSurge?: string;
  maxUnavailable?: string;
  drainTimeoutInMinutes?: number;
  nodeSoakDurationInMinutes?: number;
  undrainableNodeBehavior?: string;
}

export interface PoolRecord {
  name: string;
  count: number;
  vmSize: string;
  osType: 'Linux' | 'Windows';
  osSKU: string;
  mode: 'System' | 'User' | 'Gateway';
  type: 'VirtualMachineScaleSets' | 'AvailabilitySet' | 'VirtualMachines';
  provisioningState: string;
  powerState: 'Running' | 'Stopped';
  orchestratorVersion: string;
  currentOrchestratorVersion: string;
  nodeImageVersion: string;
  upgradeSettings: UpgradeSettings;
  availabilityZones?: string[];
  maxPods: number;
  osDiskSizeGB: number;
  enableAutoScaling: boolean;
  minCount?: number;
  maxCount?: number;
  eTag: string;
  provisioningError?: { code: string; message: string };
  /** Other properties the client sent that the emulator does not model; echoed back. */
  extra: Record<string, unknown>;
  /** 8-digit VMSS suffix: aks-{pool}-{suffix}-vmss. */
  vmssSuffix: string;
  /** The VMSS model version (absent = 0); a CA change bumps it when the node phase starts. */
  modelVersion?: number;
  nextInstance: number;
  machines: MachineRecord[];
}

export interface ClusterRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  eTag: string;
  /** The seed marks a few clusters whose bodies carry their eTag (settings `eTags: "seed"`). */
  seedETag?: boolean;
  /** Absent = `replace`. */
  nodeReplacement?: NodeReplacement;
  provisioningState: string;
  powerState: 'Running' | 'Stopped';
  kubernetesVersion: string;
  currentKubernetesVersion: string;
  dnsPrefix: string;
  /** The wire's `customCATrustCertificates`: base64 of PEM text per entry; undefined = the field is omitted. */
  caBundle?: string[];
  pools: PoolRecord[];
  /** Top-level fields other than the modelled ones (sku, identity, ...). */
  topExtra: Record<string, unknown>;
  /** `properties` other than the modelled ones (networkProfile, ...). */
  extra: Record<string, unknown>;
  /** Extra keys inside securityProfile other than customCATrustCertificates. */
  securityExtra: Record<string, unknown>;
  activeOperationId?: string;
}

export interface OperationError {
  code: string;
  message: string;
}

/** An injected rollout failure (control API `fail-next`): the operation fails after `afterBatches` batches. */
export interface RolloutFailure {
  afterBatches: number;
  error: OperationError;
}

/** One step of an operation's plan; the simulator works through them in order. */
export type OperationPhase =
  | { kind: 'status'; text: string }
  /**
   * The node phase: every listed pool rolls at the same time, under the status `ReconcilingDNS`. `reconcile`: the
   * VMSS model stays as it is and only VMs behind it are renewed (rollout/reconcile.ts).
   */
  | { kind: 'nodes'; pools: string[]; reconcile?: boolean }
  | { kind: 'finishCreate' }
  | { kind: 'applyCounts' }
  | { kind: 'delete' }
  /** An abort: ends operation `target` as Canceled. */
  | { kind: 'cancel'; target: string };

/** One pool's place in the node phase. */
export interface PoolProgress {
  pool: string;
  /** Nodes in the pool when the phase started. */
  nodes: number;
  /** Surge machines added first (0 with maxSurge "0"). */
  surge: number;
  /** Nodes taken per batch: surge + maxUnavailable. */
  batch: number;
  /** Original machines not yet replaced or reimaged. */
  pending: string[];
  /** reimage: machines being reimaged in this batch. */
  inFlight: string[];
  /** reimage: the surge machines, removed at the end. */
  surgeMachines: string[];
  surged: boolean;
  done: boolean;
}

export interface OperationRecord {
  id: string;
  subscriptionId: string;
  location: string;
  /** Lower-cased cluster resource id. */
  clusterKey: string;
  kind: 'create' | 'update' | 'delete';
  status: string;
  startTime: string;
  endTime?: string;
  error?: OperationError;
  phases: OperationPhase[];
  phaseIndex: number;
  /** The node phase, one entry per rolled pool. */
  pools?: PoolProgress[];
  /** An abort is under way: the operation makes no more progress until it ends Canceled. */
  canceling?: boolean;
  batchesDone: number;
  /** Epoch ms at which the next step is due. */
  nextStepAt: number;
  failure?: RolloutFailure;
  /** Slower than the configured speed by this factor (the seeded rollout, so a demo can watch it). */
  paceFactor?: number;
}

export interface ArmState {
  /** 3 since ClusterRecord.caBundle (was caCertificates); 2 the parallel node phase and VMSS model (issue 9); older files are ignored with a warning. */
  version: 3;
  subscriptions: SubscriptionRecord[];
  extraRoleAssignments: ExtraRoleAssignment[];
  resourceGroups: ResourceGroupRecord[];
  clusters: ClusterRecord[];
  operations: OperationRecord[];
}

/** A record as the store lends it out: read-only all the way down (only the store's methods change state). */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type ArmStateView = DeepReadonly<ArmState>;
export type SubscriptionView = DeepReadonly<SubscriptionRecord>;
export type ResourceGroupView = DeepReadonly<ResourceGroupRecord>;
export type ClusterView = DeepReadonly<ClusterRecord>;
export type PoolView = DeepReadonly<PoolRecord>;
export type MachineView = DeepReadonly<MachineRecord>;
export type OperationView = DeepReadonly<OperationRecord>;

export const TERMINAL_STATUSES = ['Succeeded', 'Failed', 'Canceled'] as const;

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
