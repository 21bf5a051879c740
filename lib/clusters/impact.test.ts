import { describe, expect, it } from 'vitest';
import { agentPool } from './testing/agent-pool';
import { changeImpact, surgeMachines } from './impact';

const pool = agentPool;

describe('surgeMachines', () => {
  it('rounds a percentage up, with at least one node and at most the pool', () => {
    expect(surgeMachines(24, '10%')).toBe(3);
    expect(surgeMachines(3, '33%')).toBe(1);
    expect(surgeMachines(3, '10%')).toBe(1);
    expect(surgeMachines(4, '200%')).toBe(4);
  });
  it('takes an absolute count as is', () => {
    expect(surgeMachines(15, '1')).toBe(1);
    expect(surgeMachines(6, '2')).toBe(2);
  });
  it('is zero for an empty pool and falls back to the 10% default for an unreadable value', () => {
    expect(surgeMachines(0, '33%')).toBe(0);
    expect(surgeMachines(20, 'lots')).toBe(2);
  });
});

describe('changeImpact', () => {
  it('replaces every Linux VMSS pool and skips Windows and non-VMSS pools', () => {
    const impact = changeImpact([
      pool({ name: 'system', count: 2, maxSurge: '1' }),
      pool({ name: 'linux', count: 4, maxSurge: '50%', mode: 'User' }),
      pool({ name: 'win22', count: 3, osType: 'Windows', mode: 'User' }),
      pool({ name: 'avset', count: 1, type: 'AvailabilitySet' }),
    ]);
    expect(impact.replaced.map((p) => [p.name, p.count, p.surgeMachines])).toEqual([
      ['system', 2, 1],
      ['linux', 4, 2],
    ]);
    expect(impact.skipped.map((p) => [p.name, p.reason])).toEqual([
      ['win22', 'windows'],
      ['avset', 'not-vmss'],
    ]);
    expect(impact.machinesReplaced).toBe(6);
  });
});
