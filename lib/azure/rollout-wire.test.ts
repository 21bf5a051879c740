import { describe, expect, it } from 'vitest';
import { isFollowableNextLink, MAX_ERROR_MESSAGE, parseOperationStatus, parseVmPage, scaleSetOf } from './rollout-wire';

const SUB = '00000000-aaaa-4000-8000-000000000001';
const VMSS = `/subscriptions/${SUB}/resourceGroups/MC_rg-web-prod_aks-web-prod-neu_northeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-web-12345678-vmss`;

describe('operation status bodies', () => {
  it('keeps the recorded keys and any error message size (cut, marked, never fatal)', () => {
    expect(
      parseOperationStatus({ name: 'x', status: 'ReconcilingDNS', startTime: '2025-03-21T22:58:15.2533651Z' }),
    ).toEqual({ status: 'ReconcilingDNS', startTime: '2025-03-21T22:58:15.2533651Z', endTime: null, error: null });
    const huge = `<script>alert(1)</script>${'x'.repeat(200_000)}`;
    const failed = parseOperationStatus({ status: 'Failed', error: { code: 'UpgradeFailed', message: huge } })!;
    expect(failed.error).toMatchObject({ code: 'UpgradeFailed', truncated: true });
    expect(failed.error!.message).toHaveLength(MAX_ERROR_MESSAGE);
    expect(failed.error!.message.startsWith('<script>')).toBe(true); // kept as text; React renders it as text
    expect(parseOperationStatus({ status: 'Failed', error: { code: 42, message: { nested: true } } })!.error).toEqual({
      code: '42',
      message: '{"nested":true}',
    });
    expect(parseOperationStatus({ status: 'Failed', error: {} })!.error).toEqual({ code: 'Unknown', message: '' });
    expect(parseOperationStatus({ nope: 1 })).toBeNull();
  });
});

describe('VMSS VM pages', () => {
  it('reads latestModelApplied, provisioningState and the computer name', () => {
    const page = parseVmPage({
      value: [
        {
          id: `${VMSS}/virtualMachines/3`,
          name: 'aks-web-12345678-vmss_3',
          instanceId: '3',
          properties: {
            latestModelApplied: false,
            provisioningState: 'Updating',
            osProfile: { computerName: 'aks-web-12345678-vmss000003' },
            vmId: 'x',
          },
        },
      ],
      nextLink: 'https://management.azure.com/next',
    });
    expect(page).toEqual({
      vms: [
        {
          id: `${VMSS}/virtualMachines/3`,
          computerName: 'aks-web-12345678-vmss000003',
          latestModelApplied: false,
          provisioningState: 'Updating',
        },
      ],
      nextLink: 'https://management.azure.com/next',
    });
    expect(parseVmPage({ value: 'no' })).toBeNull();
  });

  it('finds the scale set of a machine only in the cluster subscription', () => {
    expect(scaleSetOf(`${VMSS}/virtualMachines/3`, SUB)).toBe(VMSS);
    expect(scaleSetOf(`${VMSS}/virtualMachines/3`, '00000000-aaaa-4000-8000-000000000002')).toBeNull();
    expect(scaleSetOf(`${VMSS}/virtualMachines/../../x`, SUB)).toBeNull();
    expect(scaleSetOf(null, SUB)).toBeNull();
  });

  it('follows a nextLink only on the ARM origin and under the same list', () => {
    const list = `${VMSS}/virtualMachines`;
    expect(
      isFollowableNextLink(
        `https://management.azure.com${list}?api-version=2024-07-01&$skiptoken=abc`,
        'https://management.azure.com',
        list,
      ),
    ).toBe(true);
    expect(isFollowableNextLink(`https://evil.example${list}?x`, 'https://management.azure.com', list)).toBe(false);
    expect(
      isFollowableNextLink(
        `https://management.azure.com/subscriptions/${SUB}/resourceGroups?x`,
        'https://management.azure.com',
        list,
      ),
    ).toBe(false);
    expect(
      isFollowableNextLink(`https://management.azure.com@evil.example${list}`, 'https://management.azure.com', list),
    ).toBe(false);
  });
});
