/** The SDK's own api-version is the one lib/config.ts takes as the public cloud's default, and `apiVersion` overrides it. */
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AKS_API_VERSION_DEFAULTS, SDK_AKS_API_VERSION } from '../config';

const credential = { getToken: async () => ({ token: 'a.b.c', expiresOnTimestamp: Date.now() + 60_000 }) };

async function apiVersionSent(apiVersion?: string): Promise<string | null> {
  const seen: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    sendRequest: async (request) => {
      seen.push(request);
      return {
        request,
        status: 404,
        headers: createHttpHeaders({ 'content-type': 'application/json' }),
        bodyAsText: '{"error":{"code":"ResourceNotFound","message":"x"}}',
      };
    },
  };
  const client = new ContainerServiceClient(credential, '00000000-0000-4000-8000-000000000000', {
    endpoint: 'https://management.azure.com',
    httpClient,
    retryOptions: { maxRetries: 0 },
    ...(apiVersion ? { apiVersion } : {}),
  });
  await client.managedClusters.get('rg', 'aks').catch(() => undefined);
  return new URL(seen[0]!.url).searchParams.get('api-version');
}

describe('AKS api-version', () => {
  it('the SDK sends SDK_AKS_API_VERSION by default (update lib/config.ts when the SDK moves)', async () => {
    expect(await apiVersionSent()).toBe(SDK_AKS_API_VERSION);
    expect(AKS_API_VERSION_DEFAULTS.AzureCloud).toBe(SDK_AKS_API_VERSION);
  });

  it('apiVersion on the client is what goes on the wire', async () => {
    expect(await apiVersionSent('2025-01-01')).toBe('2025-01-01');
  });
});
