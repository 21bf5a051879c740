/**
 * Starts CA changes for the rollout specs without the editor UI: an owner token from the emulator, a GET of
 * the cluster and its machines, a PUT with a changed CA list, and the handle built from the answer.
 */
import { expect, request, type APIRequestContext } from '@playwright/test';
import { encodeRolloutHandle, type RolloutHandle } from '../lib/rollout/handle';
import { EMULATOR_URL } from './environment';
import { test as base } from './fixtures';

const API = 'api-version=2026-06-01';

export interface ClusterAddress {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export const CONTOSO_PROD = '00000000-aaaa-4000-8000-000000000001';
export const CONTOSO_STAGING = '00000000-aaaa-4000-8000-000000000002';
export const WEB: ClusterAddress = { subscriptionId: CONTOSO_PROD, resourceGroup: 'rg-web-prod', name: 'aks-web-prod-neu' };
export const PAYMENTS: ClusterAddress = { subscriptionId: CONTOSO_PROD, resourceGroup: 'rg-payments-prod', name: 'aks-payments-prod-weu' };
export const CANARY: ClusterAddress = { subscriptionId: CONTOSO_STAGING, resourceGroup: 'rg-staging', name: 'aks-canary-eus2' };

const clusterPath = (c: ClusterAddress) => `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
export const rolloutPath = (c: ClusterAddress) => `/clusters/${c.subscriptionId}/${c.resourceGroup}/${c.name}/rollout`;

interface WireCluster {
  properties: { provisioningState: string; agentPoolProfiles: { name: string; osType: string }[]; securityProfile?: { customCATrustCertificates?: string[] } };
}

export interface StartedRollout {
  handle: RolloutHandle;
  url: string;
}

export class ArmForTests {
  private constructor(private readonly api: APIRequestContext) {}

  static async create(): Promise<ArmForTests> {
    const control = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
    const response = await control.post('/_emulator/token', { data: { persona: 'owner' } });
    expect(response.ok()).toBeTruthy();
    const { access_token: token } = (await response.json()) as { access_token: string };
    await control.dispose();
    return new ArmForTests(await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true, extraHTTPHeaders: { authorization: `Bearer ${token}` } }));
  }

  async cluster(c: ClusterAddress): Promise<WireCluster> {
    const response = await this.api.get(`${clusterPath(c)}?${API}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as WireCluster;
  }

  /** Every machine of a pool, following nextLink (the emulator pages at 20). */
  async machines(c: ClusterAddress, pool: string): Promise<string[]> {
    const names: string[] = [];
    for (let url: string | undefined = `${clusterPath(c)}/agentPools/${pool}/machines?${API}`; url; ) {
      const response = await this.api.get(url);
      expect(response.status()).toBe(200);
      const page = (await response.json()) as { value: { name: string }[]; nextLink?: string | null };
      names.push(...page.value.map((m) => m.name));
      url = page.nextLink ?? undefined;
    }
    return names;
  }

  async operation(url: string): Promise<{ status: string; error?: { code: string; message: string } }> {
    const response = await this.api.get(url);
    expect(response.status()).toBe(200);
    return response.json();
  }

  /** Machines per pool now. */
  async machinesByPool(c: ClusterAddress): Promise<Record<string, string[]>> {
    const cluster = await this.cluster(c);
    const pools = cluster.properties.agentPoolProfiles.map((p) => p.name);
    return Object.fromEntries(await Promise.all(pools.map(async (pool) => [pool, await this.machines(c, pool)] as const)));
  }

  /** PUTs the cluster back with `entries` as its CA list and returns the handle apply would return. */
  async startCaChange(c: ClusterAddress, change: (entries: string[]) => string[]): Promise<StartedRollout> {
    const cluster = await this.cluster(c);
    const machinesBefore = await this.machinesByPool(c);
    const entries = cluster.properties.securityProfile?.customCATrustCertificates ?? [];
    const body = { ...cluster, properties: { ...cluster.properties, securityProfile: { ...cluster.properties.securityProfile, customCATrustCertificates: change(entries) } } };
    const response = await this.api.put(`${clusterPath(c)}?${API}`, { data: body });
    expect(response.status(), await response.text()).toBe(200);
    const operationUrl = response.headers()['azure-asyncoperation'];
    expect(operationUrl).toMatch(/^https:\/\/localhost:\d+\/subscriptions\/.+\/operations\//);
    const handle: RolloutHandle = {
      v: 1,
      clusterId: clusterPath(c),
      operationUrl,
      startedAt: new Date().toISOString(),
      machinesBefore,
    };
    return { handle, url: `${rolloutPath(c)}?h=${encodeRolloutHandle(handle)}` };
  }

  /** Cancels the running operation (`POST {cluster}/abort`, as `az aks operation-abort` does). */
  async abort(c: ClusterAddress): Promise<void> {
    const response = await this.api.post(`${clusterPath(c)}/abort?${API}`);
    expect(response.status(), await response.text()).toBe(204);
  }

  async caEntries(c: ClusterAddress): Promise<string[]> {
    return (await this.cluster(c)).properties.securityProfile?.customCATrustCertificates ?? [];
  }

  dispose() {
    return this.api.dispose();
  }
}

export const test = base.extend<{ arm: ArmForTests }>({
  arm: async ({}, use) => {
    const arm = await ArmForTests.create();
    await use(arm);
    await arm.dispose();
  },
});

export { expect } from './fixtures';
