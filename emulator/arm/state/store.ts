/** The in-memory state with case-insensitive lookups and a change signal (for the state file). */
import { clusterKeyOf } from './ids';
import type { ArmState, ClusterRecord, OperationRecord, ResourceGroupRecord, SubscriptionRecord } from './types';
import { isTerminal } from './types';

/** Finished operations kept for status reads; older ones are dropped. */
const FINISHED_OPERATIONS_KEPT = 500;

export class Store {
  private listeners: Array<() => void> = [];
  private index?: { clusters: ClusterRecord[]; length: number; bySubscription: Map<string, ClusterRecord[]> };

  constructor(public state: ArmState) {}

  replace(state: ArmState): void {
    this.state = state;
    this.changed();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  subscription(subscriptionId: string): SubscriptionRecord | undefined {
    const id = subscriptionId.toLowerCase();
    return this.state.subscriptions.find((s) => s.subscriptionId.toLowerCase() === id);
  }

  resourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    const sub = subscriptionId.toLowerCase();
    const rg = name.toLowerCase();
    return this.state.resourceGroups.find((g) => g.subscriptionId.toLowerCase() === sub && g.name.toLowerCase() === rg);
  }

  cluster(subscriptionId: string, resourceGroup: string, name: string): ClusterRecord | undefined {
    return this.clusterByKey(clusterKeyOf(subscriptionId, resourceGroup, name));
  }

  clusterByKey(key: string): ClusterRecord | undefined {
    return this.state.clusters.find((c) => clusterKeyOf(c.subscriptionId, c.resourceGroup, c.name) === key);
  }

  clustersIn(subscriptionId: string, resourceGroup?: string): ClusterRecord[] {
    const inSubscription = this.clustersBySubscription().get(subscriptionId.toLowerCase()) ?? [];
    const rg = resourceGroup?.toLowerCase();
    return inSubscription.filter((c) => rg === undefined || c.resourceGroup.toLowerCase() === rg);
  }

  /** Clusters by subscription, rebuilt when the cluster list changes (a push changes its length, a removal the array). */
  private clustersBySubscription(): Map<string, ClusterRecord[]> {
    const clusters = this.state.clusters;
    if (this.index?.clusters !== clusters || this.index.length !== clusters.length) {
      const bySubscription = new Map<string, ClusterRecord[]>();
      for (const c of clusters) {
        const key = c.subscriptionId.toLowerCase();
        const list = bySubscription.get(key);
        if (list) list.push(c);
        else bySubscription.set(key, [c]);
      }
      this.index = { clusters, length: clusters.length, bySubscription };
    }
    return this.index.bySubscription;
  }

  removeCluster(cluster: ClusterRecord): void {
    this.state.clusters = this.state.clusters.filter((c) => c !== cluster);
  }

  operation(id: string): OperationRecord | undefined {
    const wanted = id.toLowerCase();
    return this.state.operations.find((o) => o.id.toLowerCase() === wanted);
  }

  runningOperations(): OperationRecord[] {
    return this.state.operations.filter((o) => !isTerminal(o.status));
  }

  addOperation(operation: OperationRecord): void {
    this.state.operations.push(operation);
    const finished = this.state.operations.filter((o) => isTerminal(o.status));
    if (finished.length > FINISHED_OPERATIONS_KEPT) {
      const drop = new Set(finished.slice(0, finished.length - FINISHED_OPERATIONS_KEPT));
      this.state.operations = this.state.operations.filter((o) => !drop.has(o));
    }
  }
}
