import { describe, expect, it } from 'vitest';
import { freshPoolMemory, poolProgress, rememberPool } from './pool-progress';
import type { MachineSnapshot, PoolSnapshot } from './snapshot';

const vm = (latestModelApplied: boolean, provisioningState = 'Succeeded') => ({
  latestModelApplied,
  provisioningState,
});
const pool = (machines: MachineSnapshot[]): PoolSnapshot => ({
  name: 'apps',
  osType: 'Linux',
  type: 'VirtualMachineScaleSets',
  mode: 'User',
  count: 3,
  maxSurge: '1',
  provisioningState: 'Updating',
  machines,
  machinesReadAt: '2026-12-01T00:00:00Z',
  machinesError: null,
  vms: { kind: 'read', readAt: '2026-12-01T00:00:00Z' },
});
const m = (name: string, state: ReturnType<typeof vm>): MachineSnapshot => ({ name, vm: state });

describe('which renewal behaviour a pool shows', () => {
  it('reimage: a machine seen off the model comes back on it under its own name', () => {
    const before = ['a', 'b', 'c'];
    let memory = rememberPool(
      freshPoolMemory(),
      pool([m('a', vm(false)), m('b', vm(false)), m('c', vm(false)), m('s1', vm(true))]),
      before,
    );
    expect(memory.behaviour).toBe('unknown');
    memory = rememberPool(
      memory,
      pool([m('a', vm(true)), m('b', vm(false)), m('c', vm(false)), m('s1', vm(true))]),
      before,
    );
    expect(memory.behaviour).toBe('reimage');
  });

  it('a retry after a failed replace: machines already renewed are not taken for reimaged ones', () => {
    // Before the retry, r1 (a replacement from the failed rollout) is on the model; b and c are not.
    const before = ['r1', 'b', 'c'];
    let memory = rememberPool(
      freshPoolMemory(),
      pool([m('r1', vm(true)), m('b', vm(false)), m('c', vm(false))]),
      before,
    );
    expect(memory.behaviour).toBe('unknown');
    memory = rememberPool(memory, pool([m('r1', vm(true)), m('c', vm(false)), m('n1', vm(true))]), before);
    expect(memory.behaviour).toBe('replace');
  });
});

describe('nodes to renew', () => {
  it('surge machines left by an earlier failed rollout are not counted as nodes to renew', () => {
    // count 3, but four machines before the retry: s1 is surge the failed rollout left behind.
    const before = ['a', 'b', 'c', 's1'];
    const snapshot = pool([m('a', vm(false)), m('b', vm(false)), m('c', vm(false)), m('s1', vm(true))]);
    const memory = rememberPool(freshPoolMemory(), snapshot, before);
    expect(poolProgress(snapshot, before, memory, { outcome: null }).total).toBe(3);
    expect(poolProgress(snapshot, before, memory, { outcome: 'succeeded' })).toMatchObject({ total: 3, updated: 3 });
  });
});
