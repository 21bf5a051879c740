/** Reads ARM on the emulator directly, to check what the dashboard wrote (as az would show it). */
import { request } from '@playwright/test';
import { EMULATOR_URL } from '../environment';

export interface ClusterAddress {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  tenantId: string;
}

export const CONTOSO = '72f988bf-0000-4000-8000-000000000001';
export const FABRIKAM = '72f988bf-0000-4000-8000-000000000002';

export const WEB: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-web-prod',
  name: 'aks-web-prod-neu',
  tenantId: CONTOSO,
};
export const LEGACY: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-legacy-prod',
  name: 'aks-legacy-win-weu',
  tenantId: CONTOSO,
};
export const PAYMENTS: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000001',
  resourceGroup: 'rg-payments-prod',
  name: 'aks-payments-prod-weu',
  tenantId: CONTOSO,
};
/** Stopped (powerState Stopped): AKS refuses changes. */
export const DEV: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000002',
  resourceGroup: 'rg-dev',
  name: 'aks-dev-eus2',
  tenantId: CONTOSO,
};
export const CORE: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000003',
  resourceGroup: 'rg-platform-core',
  name: 'aks-core-gwc',
  tenantId: FABRIKAM,
};
export const STAGING: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000002',
  resourceGroup: 'rg-staging',
  name: 'aks-staging-eus2',
  tenantId: CONTOSO,
};
export const AZL: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000004',
  resourceGroup: 'rg-sandbox',
  name: 'aks-azurelinux-sdc',
  tenantId: FABRIKAM,
};
/** No custom CA in the seed. */
export const INGRESS: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000003',
  resourceGroup: 'rg-platform-core',
  name: 'aks-ingress-gwc',
  tenantId: FABRIKAM,
};
/** No custom CA in the seed; one node. */
export const SANDBOX: ClusterAddress = {
  subscriptionId: '00000000-aaaa-4000-8000-000000000004',
  resourceGroup: 'rg-sandbox',
  name: 'aks-sandbox-sdc',
  tenantId: FABRIKAM,
};

export function clusterPagePath(cluster: ClusterAddress): string {
  return `/clusters/${cluster.subscriptionId}/${cluster.resourceGroup}/${cluster.name}?tenant=${cluster.tenantId}`;
}

export interface ArmCluster {
  eTag?: string;
  properties: {
    provisioningState: string;
    securityProfile?: { customCATrustCertificates?: string[] };
    agentPoolProfiles?: { name: string; count: number }[];
  };
}

/** An ARM token of the owner persona for one tenant, as `POST /_emulator/token` issues it. */
export async function ownerToken(tenantId: string): Promise<string> {
  const api = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
  try {
    const token = await api.post('/_emulator/token', { data: { persona: 'owner', tenantId } });
    return ((await token.json()) as { access_token: string }).access_token;
  } finally {
    await api.dispose();
  }
}

async function asOwner<T>(
  cluster: ClusterAddress,
  run: (api: import('@playwright/test').APIRequestContext, path: string, headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  const api = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
  try {
    const token = await api.post('/_emulator/token', { data: { persona: 'owner', tenantId: cluster.tenantId } });
    const { access_token } = (await token.json()) as { access_token: string };
    const path = `/subscriptions/${cluster.subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}?api-version=2025-01-01`;
    return await run(api, path, { authorization: `Bearer ${access_token}` });
  } finally {
    await api.dispose();
  }
}

export function readCluster(cluster: ClusterAddress): Promise<ArmCluster> {
  return asOwner(cluster, async (api, path, headers) => {
    const response = await api.get(path, { headers });
    if (!response.ok()) throw new Error(`GET ${cluster.name}: ${response.status()}`);
    return (await response.json()) as ArmCluster;
  });
}

/** Someone else changes the CA list, as az does (GET, replace the list, PUT): the dashboard's review is now stale. */
export function changeCaBundleElsewhere(cluster: ClusterAddress, pems: string[]): Promise<void> {
  return asOwner(cluster, async (api, path, headers) => {
    const body = (await (await api.get(path, { headers })).json()) as ArmCluster;
    body.properties.securityProfile = {
      ...body.properties.securityProfile,
      customCATrustCertificates: pems.map((pem) => Buffer.from(pem).toString('base64')),
    };
    const response = await api.put(path, { headers, data: body });
    if (!response.ok()) throw new Error(`PUT ${cluster.name}: ${response.status()} ${await response.text()}`);
  });
}

/** The PEM text of each entry, as the nodes get it. */
export function caBundle(cluster: ArmCluster): string[] {
  return (cluster.properties.securityProfile?.customCATrustCertificates ?? []).map((entry) =>
    Buffer.from(entry, 'base64').toString('utf8'),
  );
}
