/**
 * Starts CA changes for the rollout specs without the editor UI, the way apply does: a persona's token from the
 * emulator, the machines first, the cluster last, a PUT with a changed CA list, and the private handle built from
 * ARM's answer (the signed Azure-AsyncOperation URL, verbatim). `storeHandle` puts it into the signed-in browser's
 * localStorage, as the apply's success branch does; the rollout URL stays short.
 */
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { rolloutHref } from '../lib/clusters/links';
import { operationIdOf, type RolloutHandle } from '../lib/rollout/handle';
import { accountTagOf, handleKey } from '../lib/rollout/handle-store';
import { findPersona } from '../emulator/directory';
import { EMULATOR_URL } from './environment';
import { test as base } from './fixtures';

const API = 'api-version=2025-01-01';

export interface ClusterAddress {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export const CONTOSO_TENANT = '72f988bf-0000-4000-8000-000000000001';
export const CONTOSO_PROD = '00000000-aaaa-4000-8000-000000000001';
export const CONTOSO_STAGING = '00000000-aaaa-4000-8000-000000000002';
/** reimage in the seed. */
export const WEB: ClusterAddress = {
  subscriptionId: CONTOSO_PROD,
  resourceGroup: 'rg-web-prod',
  name: 'aks-web-prod-neu',
};
/** replace in the seed; 3 pools, 42 nodes. */
export const PAYMENTS: ClusterAddress = {
  subscriptionId: CONTOSO_PROD,
  resourceGroup: 'rg-payments-prod',
  name: 'aks-payments-prod-weu',
};
export const CANARY: ClusterAddress = {
  subscriptionId: CONTOSO_STAGING,
  resourceGroup: 'rg-staging',
  name: 'aks-canary-eus2',
};
export const BIG_400: ClusterAddress = {
  subscriptionId: CONTOSO_PROD,
  resourceGroup: 'rg-big',
  name: 'aks-big-400-weu',
};
export const BIG_1000: ClusterAddress = {
  subscriptionId: CONTOSO_PROD,
  resourceGroup: 'rg-big',
  name: 'aks-big-1000-weu',
};

/** The personas the specs sign in as (emulator/directory.ts). */
function persona(id: string) {
  const found = findPersona(id)!;
  // MSAL's homeAccountId from the emulator's client_info: `<uid>.<utid>`.
  return {
    id,
    name: found.name,
    username: found.username,
    tenantId: CONTOSO_TENANT,
    homeAccountId: `${found.objectId}.${found.homeTenantId}`,
  };
}

export const PERSONAS = { owner: persona('owner'), reader: persona('reader'), deployer: persona('deployer') } as const;
export type PersonaId = keyof typeof PERSONAS;

export const clusterPath = (c: ClusterAddress) =>
  `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
export const rolloutPath = (c: ClusterAddress) => `/clusters/${c.subscriptionId}/${c.resourceGroup}/${c.name}/rollout`;

interface WireCluster {
  properties: {
    provisioningState: string;
    agentPoolProfiles: { name: string; osType: string; count: number }[];
    securityProfile?: { customCATrustCertificates?: string[] };
  };
}

export interface StartedRollout {
  handle: RolloutHandle;
  /** The short rollout URL apply navigates to. */
  url: string;
}

export class ArmForTests {
  private constructor(private readonly api: APIRequestContext) {}

  static async create(persona: PersonaId = 'owner'): Promise<ArmForTests> {
    const control = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
    const response = await control.post('/_emulator/token', { data: { persona: PERSONAS[persona].id } });
    expect(response.ok()).toBeTruthy();
    const { access_token: token } = (await response.json()) as { access_token: string };
    await control.dispose();
    return new ArmForTests(
      await request.newContext({
        baseURL: EMULATOR_URL,
        ignoreHTTPSErrors: true,
        extraHTTPHeaders: { authorization: `Bearer ${token}` },
      }),
    );
  }

  async cluster(c: ClusterAddress): Promise<WireCluster> {
    const response = await this.api.get(`${clusterPath(c)}?${API}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as WireCluster;
  }

  /** Every machine of a pool, following nextLink. */
  async machines(c: ClusterAddress, pool: string): Promise<string[]> {
    const names: string[] = [];
    for (let url: string | undefined = `${clusterPath(c)}/agentPools/${pool}/machines?${API}`; url;) {
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

  async machinesByPool(c: ClusterAddress): Promise<Record<string, string[]>> {
    const cluster = await this.cluster(c);
    const pools = cluster.properties.agentPoolProfiles.map((p) => p.name);
    return Object.fromEntries(
      await Promise.all(pools.map(async (pool) => [pool, await this.machines(c, pool)] as const)),
    );
  }

  /** PUTs the cluster back with `change(entries)` as its CA list and returns the handle apply would return. */
  async startCaChange(c: ClusterAddress, change: (entries: string[]) => string[]): Promise<StartedRollout> {
    const machinesBefore = await this.machinesByPool(c);
    const cluster = await this.cluster(c);
    const entries = cluster.properties.securityProfile?.customCATrustCertificates ?? [];
    const body = {
      ...cluster,
      properties: {
        ...cluster.properties,
        securityProfile: { ...cluster.properties.securityProfile, customCATrustCertificates: change(entries) },
      },
    };
    const response = await this.api.put(`${clusterPath(c)}?${API}`, { data: body });
    expect(response.status(), await response.text()).toBe(200);
    const operationUrl = response.headers()['azure-asyncoperation'];
    expect(operationUrl).toMatch(/^https:\/\/localhost:\d+\/subscriptions\/.+\/operations\/.+&h=/);
    const handle: RolloutHandle = {
      v: 1,
      clusterId: clusterPath(c),
      operationUrl,
      startedAt: new Date().toISOString(),
      machinesBefore,
    };
    return {
      handle,
      url: rolloutHref(c, undefined, { operationId: operationIdOf(operationUrl), since: handle.startedAt }),
    };
  }

  /** Cancels the running operation (`POST {cluster}/abort`, as `az aks operation-abort` does). */
  async abort(c: ClusterAddress): Promise<void> {
    const response = await this.api.post(`${clusterPath(c)}/abort?${API}`);
    expect([202, 204], await response.text()).toContain(response.status());
  }

  async caBundle(c: ClusterAddress): Promise<string[]> {
    return (await this.cluster(c)).properties.securityProfile?.customCATrustCertificates ?? [];
  }

  dispose() {
    return this.api.dispose();
  }
}

/** Puts the private handle into the signed-in browser's localStorage for `persona`, as apply's success branch does. */
export async function storeHandle(page: Page, handle: RolloutHandle, persona: PersonaId = 'owner'): Promise<void> {
  const account = accountTagOf(PERSONAS[persona]);
  const key = handleKey({
    operationId: operationIdOf(handle.operationUrl),
    clusterId: handle.clusterId,
    since: handle.startedAt,
  });
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key,
    value: JSON.stringify({ v: 1, account, savedAt: Date.now(), handle }),
  });
}

/**
 * Records, in the page, every value each pool's `data-updated` takes (a MutationObserver: no sampling), so that a
 * spec can check progress moved from 0 to every node. Call before the first goto; history restarts on a reload.
 */
export async function recordPoolProgress(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const history: Record<string, string[]> = {};
    (window as unknown as { __poolHistory: typeof history }).__poolHistory = history;
    const record = () => {
      document.querySelectorAll<HTMLElement>('[data-testid="pool"]').forEach((el) => {
        const list = (history[el.dataset.pool ?? ''] ??= []);
        if (list.at(-1) !== el.dataset.updated) list.push(el.dataset.updated ?? '');
      });
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-updated'],
    });
  });
}

export async function poolHistory(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { __poolHistory: Record<string, string[]> }).__poolHistory);
}

export const test = base.extend<{ arm: ArmForTests }>({
  arm: async ({}, use) => {
    const arm = await ArmForTests.create();
    await use(arm);
    await arm.dispose();
  },
});

export { expect } from './fixtures';

/** The rollout URL apply navigates to: `/clusters/{sub}/{rg}/{name}/rollout?op=…&since=…[&tenant=…]`. */
export const SHORT_ROLLOUT_URL = /\/rollout\?op=[0-9a-z-]+&since=[^&#]+/;

/** The private handle the page at a short rollout URL holds in localStorage (what apply stored), for assertions. */
export async function storedHandle(page: Page): Promise<RolloutHandle> {
  const url = new URL(page.url());
  const operationId = url.searchParams.get('op');
  const entries = await page.evaluate(() =>
    Object.entries(localStorage).filter(([key]) => key.startsWith('aks-ca-trust.rollout.')),
  );
  const match = entries.find(([key]) =>
    operationId ? key.endsWith(`.op.${operationId}`) : key.includes(`|${url.searchParams.get('since')}`),
  );
  if (!match) throw new Error(`no rollout handle in localStorage for ${url.search}`);
  return (JSON.parse(match[1]) as { handle: RolloutHandle }).handle;
}
