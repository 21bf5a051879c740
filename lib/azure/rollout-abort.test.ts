import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RestError } from '@azure/core-rest-pipeline';

vi.mock('server-only', () => ({}));
const abortLatestOperation = vi.fn();
vi.mock('./clients', () => ({
  armClients: () => ({ containerService: () => ({ managedClusters: { abortLatestOperation } }) }),
}));

process.env.ARM_ENDPOINT = 'https://management.azure.com';
process.env.AZURE_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const { abortRollout } = await import('./rollout-abort');

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxIn0.c2ln';
const cluster = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-web-prod',
  name: 'aks-web-prod-neu',
};

beforeEach(() => abortLatestOperation.mockReset());

describe('abortRollout (the server action body)', () => {
  it('returns once ARM accepted the abort (202), without waiting for Canceled', async () => {
    const submitted = vi.fn().mockResolvedValue(undefined);
    const pollUntilDone = vi.fn();
    abortLatestOperation.mockReturnValue({ submitted, pollUntilDone });
    expect(await abortRollout(TOKEN, { cluster })).toEqual({ ok: true, data: { accepted: true } });
    expect(abortLatestOperation).toHaveBeenCalledWith('rg-web-prod', 'aks-web-prod-neu');
    expect(submitted).toHaveBeenCalled();
    expect(pollUntilDone).not.toHaveBeenCalled();
  });

  it('explains a 403 as a missing permission', async () => {
    abortLatestOperation.mockReturnValue({
      submitted: () =>
        Promise.reject(
          new RestError('The client does not have authorization to perform action', {
            statusCode: 403,
            code: 'AuthorizationFailed',
          }),
        ),
    });
    const result = await abortRollout(TOKEN, { cluster });
    expect(result).toMatchObject({
      ok: false,
      error: { status: 403, message: expect.stringContaining('You may not abort operations on this cluster') },
    });
  });

  it('validates its input with zod before anything is called', async () => {
    expect(await abortRollout(TOKEN, { cluster: { ...cluster, subscriptionId: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'InvalidArgument' },
    });
    expect(abortLatestOperation).not.toHaveBeenCalled();
  });
});
