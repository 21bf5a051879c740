/** Test data: a Linux VMSS system pool of 3 machines (as ARM reports one), changed by `patch`. */
import type { AgentPoolSummary } from '../types';

export const agentPool = (patch: Partial<AgentPoolSummary> = {}): AgentPoolSummary => ({
  name: 'nodepool1',
  count: 3,
  vmSize: 'Standard_D4ds_v5',
  osType: 'Linux',
  osSku: 'Ubuntu',
  mode: 'System',
  type: 'VirtualMachineScaleSets',
  provisioningState: 'Succeeded',
  powerState: 'Running',
  maxSurge: '10%',
  ...patch,
});
