import { describe, expect, it } from 'vitest';
import { operationPhase, poolProgressText, terminalStatus } from './operation-status';

describe('operation status texts', () => {
  it('finds terminal states the way the SDK poller does', () => {
    expect(terminalStatus('Succeeded')).toBe('Succeeded');
    expect(terminalStatus('Failed')).toBe('Failed');
    expect(terminalStatus('canceled')).toBe('Canceled');
    expect(terminalStatus('Cancelled')).toBe('Canceled');
    for (const running of ['InProgress', 'ProvisioningControlPlane', 'UpgradingNodePools: apps 3/24 nodes replaced', 'ReconcilingDNS', '']) {
      expect(terminalStatus(running)).toBeNull();
    }
  });

  it('reads the pool and counts of a node pool progress text', () => {
    expect(poolProgressText('UpgradingNodePools: apps 3/24 nodes replaced')).toEqual({ pool: 'apps', replaced: 3, total: 24 });
    expect(poolProgressText('ReconcilingDNS')).toBeNull();
  });

  it('names the phase without its counters', () => {
    expect(operationPhase('UpgradingNodePools: apps 3/24 nodes replaced')).toBe(operationPhase('UpgradingNodePools: apps 4/24 nodes replaced'));
    expect(operationPhase('UpgradingNodePools: apps 3/24 nodes replaced')).not.toBe(operationPhase('UpgradingNodePools: batch 0/15 nodes replaced'));
    expect(operationPhase('CreatingAgentPools: 1/1 nodes completed')).toBe('CreatingAgentPools:  nodes completed');
  });
});
