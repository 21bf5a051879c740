/**
 * The ARM emulator's state, and its only writer. Readers get read-only views (`ClusterView`, ...); every change
 * goes through a named method here, which signals it (the state file is written on that signal). The rollout
 * engine's transitions (rollout/plan.ts, rollout/step.ts) change records only inside the callbacks these methods
 * pass them.
 */
import { randomUUID } from 'node:crypto';
import type { OperationLookup, StepResult } from '../rollout/step';
import { addMachine, clusterKeyOf } from './ids';
import type {
  ArmState,
  ArmStateView,
  ClusterRecord,
  ClusterView,
  OperationRecord,
  OperationView,
  ResourceGroupView,
  SubscriptionView,
} from './types';
import { isTerminal } from './types';

/** Finished operations kept for status reads; older ones are dropped. */
const FINISHED_OPERATIONS_KEPT = 500;

/** Moves an operation one step; gets the records to change and a lookup of other operations (an abort's target). */
export type OperationStep = (
  operation: OperationRecord,
  cluster: ClusterRecord | undefined,
  lookup: OperationLookup,
) => StepResult;

export class Store {
  private current: ArmState;
  private listeners: Array<() => void> = [];
  private index?: Map<string, ClusterRecord[]>;

  constructor(state: ArmState) {
    this.current = state;
  }

  /** The whole state, read-only (the state file is written from it). */
  get state(): ArmStateView {
    return this.current;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  // Reads.

  subscription(subscriptionId: string): SubscriptionView | undefined {
    const id = subscriptionId.toLowerCase();
    return this.current.subscriptions.find((s) => s.subscriptionId.toLowerCase() === id);
  }

  resourceGroup(subscriptionId: string, name: string): ResourceGroupView | undefined {
    const sub = subscriptionId.toLowerCase();
    const rg = name.toLowerCase();
    return this.current.resourceGroups.find(
      (g) => g.subscriptionId.toLowerCase() === sub && g.name.toLowerCase() === rg,
    );
  }

  cluster(subscriptionId: string, resourceGroup: string, name: string): ClusterView | undefined {
    return this.clusterByKey(clusterKeyOf(subscriptionId, resourceGroup, name));
  }

  clusterByKey(key: string): ClusterView | undefined {
    return this.clusterRecordByKey(key);
  }

  clustersIn(subscriptionId: string, resourceGroup?: string): readonly ClusterView[] {
    const inSubscription = this.clustersBySubscription().get(subscriptionId.toLowerCase()) ?? [];
    const rg = resourceGroup?.toLowerCase();
    return inSubscription.filter((c) => rg === undefined || c.resourceGroup.toLowerCase() === rg);
  }

  operation(id: string): OperationView | undefined {
    return this.operationRecord(id);
  }

  runningOperations(): readonly OperationView[] {
    return this.current.operations.filter((o) => !isTerminal(o.status));
  }

  // Writes.

  /** Replaces the whole state (control API reset). */
  replaceState(state: ArmState): void {
    this.current = state;
    this.index = undefined;
    this.changed();
  }

  /** Adds a new cluster (a copy of `cluster`: the store owns what it holds); returns the stored one. */
  addCluster(cluster: ClusterRecord): ClusterView {
    const stored = structuredClone(cluster);
    this.current.clusters.push(stored);
    this.index = undefined;
    this.changed();
    return stored;
  }

  /** PATCH: replaces the tags (when given) and gives the cluster a new eTag. */
  setTags(cluster: ClusterView, tags: Record<string, string> | undefined): void {
    const record = this.own(cluster);
    if (tags) record.tags = { ...tags };
    record.eTag = randomUUID();
    this.changed();
  }

  /** The cluster autoscaler: the pool's count, and machines added or removed at once to match it. */
  scalePool(cluster: ClusterView, poolName: string, count: number, now: number): void {
    const record = this.own(cluster);
    const index = record.pools.findIndex((p) => p.name === poolName);
    const pool = record.pools[index];
    if (!pool) throw new Error(`no pool ${poolName} in ${cluster.name}`);
    pool.count = count;
    while (pool.machines.length < pool.count) addMachine(pool, index, now);
    if (pool.machines.length > pool.count) pool.machines.splice(pool.count);
    this.changed();
  }

  /**
   * Starts an operation on a stored cluster: `start` moves the cluster (applying a PUT body first, for an update)
   * into the operation's states and returns the new operation, which the store keeps.
   */
  beginOperation(cluster: ClusterView, start: (cluster: ClusterRecord) => OperationRecord): OperationView {
    const operation = start(this.own(cluster));
    this.addOperation(operation);
    this.changed();
    return operation;
  }

  /** An abort: `start` marks the running `target` and the cluster, and returns the abort operation. */
  abortOperation(
    cluster: ClusterView,
    target: OperationView,
    start: (cluster: ClusterRecord, target: OperationRecord) => OperationRecord,
  ): OperationView {
    const running = this.operationRecord(target.id);
    if (running !== target) throw new Error(`operation ${target.id} is not in the store`);
    const operation = start(this.own(cluster), running);
    this.addOperation(operation);
    this.changed();
    return operation;
  }

  /** Moves `operation` one step with `step`; a finished delete removes its cluster. */
  stepOperation(operation: OperationView, step: OperationStep): void {
    const record = this.operationRecord(operation.id);
    if (record !== operation) throw new Error(`operation ${operation.id} is not in the store`);
    const cluster = this.clusterRecordByKey(record.clusterKey);
    const { removeCluster } = step(record, cluster, (id) => this.operationRecord(id));
    if (removeCluster && cluster) {
      this.current.clusters = this.current.clusters.filter((c) => c !== cluster);
      this.index = undefined;
    }
    this.changed();
  }

  /** When a running operation takes its next step (after a load, a reset or a speed change). */
  reschedule(operation: OperationView, nextStepAt: number): void {
    const record = this.operationRecord(operation.id);
    if (!record || record.nextStepAt === nextStepAt) return;
    record.nextStepAt = nextStepAt;
    this.changed();
  }

  // Internals.

  /** The stored record behind a view this store handed out. */
  private own(cluster: ClusterView): ClusterRecord {
    const record = this.clusterRecordByKey(clusterKeyOf(cluster.subscriptionId, cluster.resourceGroup, cluster.name));
    if (record !== cluster) throw new Error(`cluster ${cluster.name} is not in the store`);
    return record;
  }

  private clusterRecordByKey(key: string): ClusterRecord | undefined {
    return this.current.clusters.find((c) => clusterKeyOf(c.subscriptionId, c.resourceGroup, c.name) === key);
  }

  private operationRecord(id: string): OperationRecord | undefined {
    const wanted = id.toLowerCase();
    return this.current.operations.find((o) => o.id.toLowerCase() === wanted);
  }

  /** Clusters by subscription; rebuilt after a cluster is added or removed. */
  private clustersBySubscription(): Map<string, ClusterRecord[]> {
    if (!this.index) {
      this.index = new Map<string, ClusterRecord[]>();
      for (const c of this.current.clusters) {
        const key = c.subscriptionId.toLowerCase();
        const list = this.index.get(key);
        if (list) list.push(c);
        else this.index.set(key, [c]);
      }
    }
    return this.index;
  }

  private addOperation(operation: OperationRecord): void {
    this.current.operations.push(operation);
    const finished = this.current.operations.filter((o) => isTerminal(o.status));
    if (finished.length > FINISHED_OPERATIONS_KEPT) {
      const drop = new Set(finished.slice(0, finished.length - FINISHED_OPERATIONS_KEPT));
      this.current.operations = this.current.operations.filter((o) => !drop.has(o));
    }
  }
}
