import { describe, expect, it } from 'vitest';
import { applyBlocker, isOperationRunning, removeAllBlocker, writeBlocker, type WriteAccess } from './apply-gate';

const cluster = {
  name: 'aks-dev-eus2',
  resourceGroup: 'rg-dev',
  provisioningState: 'Succeeded',
  powerState: 'Running',
  caBundle: ['pem'],
};
const ALLOWED: WriteAccess = { status: 'allowed' };
const DENIED: WriteAccess = { status: 'denied', action: 'Microsoft.ContainerService/managedClusters/write' };
const ready = {
  errorCount: 0,
  diff: { added: [{}], removed: [], rotated: [], unchanged: [] },
  caBundle: [{}],
} as never;

describe('the apply gate', () => {
  it('a reader is read-only, before anything else', () => {
    expect(writeBlocker({ ...cluster, powerState: 'Stopped' }, DENIED)).toBe(
      'Read-only: your roles on this cluster do not grant Microsoft.ContainerService/managedClusters/write. You can still prepare a bundle and export it for someone who may apply it.',
    );
    expect(removeAllBlocker(cluster, DENIED)).toMatch(/^Read-only/);
  });

  it('waits for the permission check; a failed check does not block (ARM checks at write time)', () => {
    expect(applyBlocker(ready, cluster, { status: 'checking' })).toBe('Checking your permissions on this cluster…');
    expect(applyBlocker(ready, cluster, { status: 'unknown', message: 'x' })).toBeNull();
    expect(applyBlocker(ready, cluster, ALLOWED)).toBeNull();
  });

  it('a stopped cluster cannot be changed: start it first', () => {
    const stopped = { ...cluster, powerState: 'Stopped' };
    expect(applyBlocker(ready, stopped, ALLOWED)).toBe(
      'The cluster is stopped, and AKS refuses changes to a stopped cluster: start the cluster first (az aks start --resource-group rg-dev --name aks-dev-eus2), then apply.',
    );
    expect(removeAllBlocker({ ...stopped, powerState: 'stopped' }, ALLOWED)).toMatch(/start the cluster first/);
  });

  it('a running operation blocks, in the one provisioning-state vocabulary (case-insensitive; unknown states too)', () => {
    expect(isOperationRunning('Updating')).toBe(true);
    expect(isOperationRunning('canceling')).toBe(true);
    expect(isOperationRunning('SomethingNew')).toBe(true);
    expect(isOperationRunning('failed')).toBe(false);
    expect(isOperationRunning('Canceled')).toBe(false);
    expect(applyBlocker(ready, { ...cluster, provisioningState: 'Updating' }, ALLOWED)).toMatch(
      /^An operation is running on this cluster \(Updating\)/,
    );
  });

  it('remove-all needs a custom CA to remove', () => {
    expect(removeAllBlocker({ ...cluster, caBundle: [] }, ALLOWED)).toBe('The cluster has no custom CA.');
    expect(removeAllBlocker(cluster, ALLOWED)).toBeNull();
  });
});
