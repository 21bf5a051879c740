/**
 * A test-only rollout simulator: snapshot sequences as the server builds them from real ARM's signals
 * (azure-facts §13): status texts InProgress → ProvisioningControlPlane → ReconcilingDNS (whole node phase) →
 * terminal; pools rolling at the same time; replace (new names) or reimage (names kept, surge added then removed);
 * VMSS VMs flipping to latestModelApplied false when the node phase begins.
 */
import type { MachineSnapshot, PoolSnapshot, RolloutSnapshot, VmSignal } from '../snapshot';

export interface SimPool {
  name: string;
  count: number;
  surge: number;
  osType?: string;
}

export interface SimOptions {
  behaviour: 'replace' | 'reimage';
  pools: SimPool[];
  /** VMSS VMs readable (false: 403 on the node resource group). */
  vms?: boolean;
  /** Operation status readable (this browser holds the handle). */
  operation?: boolean;
  /** Stop after this many batches with a failure, or a cancel. */
  failAfterBatches?: number;
  cancelAfterBatches?: number;
}

interface Node {
  name: string;
  latest: boolean;
  state: string;
}

const START = Date.parse('2026-12-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

export function machinesBefore(options: SimOptions): Record<string, string[]> {
  return Object.fromEntries(
    options.pools.map((p) => [
      p.name,
      Array.from({ length: p.count }, (_, i) => `aks-${p.name}-1234-vmss${String(i).padStart(6, '0')}`),
    ]),
  );
}

export function simulate(options: SimOptions): RolloutSnapshot[] {
  const before = machinesBefore(options);
  const nodes: Record<string, Node[]> = Object.fromEntries(
    options.pools.map((p) => [p.name, before[p.name]!.map((name) => ({ name, latest: true, state: 'Succeeded' }))]),
  );
  let serial = 1000;
  let t = START;
  let status = 'InProgress';
  let clusterState = 'Updating';
  const poolState: Record<string, string> = Object.fromEntries(
    options.pools.map((p) => [p.name, p.osType === 'Windows' ? 'Succeeded' : 'Updating']),
  );
  const snapshots: RolloutSnapshot[] = [];
  let error: { code: string; message: string } | null = null;
  let end: RolloutSnapshot['end'] = null;

  const vmSignal = (): VmSignal =>
    options.vms === false
      ? { kind: 'unavailable', reason: 'forbidden', message: 'AuthorizationFailed' }
      : { kind: 'read', readAt: iso(t) };
  const emit = () => {
    t += 5000;
    const pools: PoolSnapshot[] = options.pools.map((p) => ({
      name: p.name,
      osType: p.osType ?? 'Linux',
      type: 'VirtualMachineScaleSets',
      mode: 'User',
      count: p.count,
      maxSurge: String(p.surge),
      provisioningState: poolState[p.name]!,
      machines: nodes[p.name]!.map((n): MachineSnapshot => ({
        name: n.name,
        vm: options.vms === false ? null : { latestModelApplied: n.latest, provisioningState: n.state },
      })),
      machinesReadAt: iso(t),
      machinesError: null,
      vms: vmSignal(),
    }));
    const terminal = end !== null;
    snapshots.push({
      at: iso(t),
      operation:
        options.operation === false
          ? null
          : { status, startTime: iso(START), endTime: terminal ? iso(t) : null, error, readAt: iso(t) },
      cluster: { provisioningState: clusterState, readAt: iso(t), caBundle: terminal ? ['PEM'] : null },
      pools,
      end: options.operation === false && end ? { ...end, source: 'cluster' } : end,
      next: terminal ? null : { afterMs: 5000, reason: 'interval' },
    });
  };

  emit();
  status = 'ProvisioningControlPlane';
  emit();
  status = 'ReconcilingDNS';
  for (const p of options.pools) if (p.osType !== 'Windows') for (const n of nodes[p.name]!) n.latest = false;
  emit();

  const rolled = options.pools.filter((p) => p.osType !== 'Windows');
  const todo: Record<string, string[]> = Object.fromEntries(rolled.map((p) => [p.name, [...before[p.name]!]]));
  const surgeNames: Record<string, string[]> = {};
  for (const p of rolled) {
    surgeNames[p.name] = [];
    for (let i = 0; i < p.surge; i++) {
      const name = `aks-${p.name}-1234-vmss${String(serial++).padStart(6, '0')}`;
      nodes[p.name]!.push({ name, latest: true, state: 'Creating' });
      surgeNames[p.name]!.push(name);
    }
  }
  emit();
  for (const p of rolled) for (const n of nodes[p.name]!) if (n.state === 'Creating') n.state = 'Succeeded';
  emit();

  let batch = 0;
  while (rolled.some((p) => todo[p.name]!.length > 0)) {
    if (options.failAfterBatches === batch) {
      status = 'Failed';
      error = { code: 'UpgradeFailed', message: 'Drain failed: PodDisruptionBudget allows 0 disruptions.' };
      clusterState = 'Failed';
      poolState[rolled[0]!.name] = 'Failed';
      end = { outcome: 'failed', source: 'operation' };
      emit();
      return snapshots;
    }
    if (options.cancelAfterBatches === batch) {
      clusterState = 'Canceling';
      emit();
      status = 'Canceled';
      error = { code: 'OperationCanceled', message: 'The operation was canceled.' };
      clusterState = 'Canceled';
      for (const p of rolled) poolState[p.name] = 'Canceled';
      end = { outcome: 'canceled', source: 'operation' };
      emit();
      return snapshots;
    }
    for (const p of rolled) {
      const take = todo[p.name]!.splice(0, p.surge);
      for (const name of take) {
        const node = nodes[p.name]!.find((n) => n.name === name)!;
        if (options.behaviour === 'reimage') node.state = 'Updating';
        else node.state = 'Deleting';
      }
    }
    emit();
    for (const p of rolled) {
      const list = nodes[p.name]!;
      for (const n of [...list]) {
        if (n.state === 'Updating') Object.assign(n, { state: 'Succeeded', latest: true });
        if (n.state === 'Deleting') {
          list.splice(list.indexOf(n), 1);
          if (todo[p.name]!.length > 0 || list.length < p.count)
            list.push({
              name: `aks-${p.name}-1234-vmss${String(serial++).padStart(6, '0')}`,
              latest: true,
              state: 'Succeeded',
            });
        }
      }
    }
    emit();
    batch++;
  }
  if (options.behaviour === 'reimage') {
    for (const p of rolled) nodes[p.name] = nodes[p.name]!.filter((n) => !surgeNames[p.name]!.includes(n.name));
  } else {
    // Replace: the surge machines became replacements; trim to the target count.
    for (const p of rolled) nodes[p.name] = nodes[p.name]!.slice(-p.count);
  }
  for (const p of rolled) poolState[p.name] = 'Succeeded';
  emit();
  status = 'Succeeded';
  clusterState = 'Succeeded';
  end = { outcome: 'succeeded', source: 'operation' };
  emit();
  return snapshots;
}
