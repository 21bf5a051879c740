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

export interface MachineRecord {
  name: string;
  /** VMSS instance id (the number behind `vmss` in base 36). */
  instance: number;
  ip: string;
  zone?: string;
}

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
  provisioningState: string;
  powerState: 'Running' | 'Stopped';
  kubernetesVersion: string;
  currentKubernetesVersion: string;
  dnsPrefix: string;
  /** base64 of PEM text per entry; undefined = the field is omitted on the wire. */
  caCertificates?: string[];
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

/** One step of an operation's plan; the simulator works through them in order. */
export type OperationPhase =
  | { kind: 'status'; text: string }
  | { kind: 'rollPool'; pool: string }
  | { kind: 'finishCreate' }
  | { kind: 'applyCounts' }
  | { kind: 'delete' };

export interface PoolProgress {
  pool: string;
  surge: number;
  total: number;
  oldMachines: string[];
  replaced: number;
  surged: boolean;
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
  progress?: PoolProgress;
  batchesDone: number;
  /** Epoch ms at which the next step is due. */
  nextStepAt: number;
  failure?: { afterBatches: number; error: OperationError };
  /** Slower than the configured speed by this factor (the seeded rollout, so a demo can watch it). */
  paceFactor?: number;
}

export interface ArmState {
  version: 1;
  subscriptions: SubscriptionRecord[];
  extraRoleAssignments: ExtraRoleAssignment[];
  resourceGroups: ResourceGroupRecord[];
  clusters: ClusterRecord[];
  operations: OperationRecord[];
}

export const TERMINAL_STATUSES = ['Succeeded', 'Failed', 'Canceled'] as const;

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
