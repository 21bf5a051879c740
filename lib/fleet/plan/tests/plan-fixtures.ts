/** Real certificates (emulator/certs) and inventory-shaped clusters for the lib/fleet/plan tests. */
import { createHash } from 'node:crypto';
import { issueCertificate } from '../../../../emulator/certs';
import { agentPool } from '../../../clusters/testing/agent-pool';
import type { PlanClusterInput } from '../plan';

export const NOW = new Date();
const DAY = 86_400_000;

export interface Cas {
  root: string;
  expiring: string;
  successor: string;
  other: string;
  expired: string;
  extra: string[];
}

async function ca(subject: string, fromDays = -30, toDays = 3000): Promise<string> {
  const issued = await issueCertificate({
    subject,
    isCA: true,
    notBefore: new Date(NOW.getTime() + fromDays * DAY),
    notAfter: new Date(NOW.getTime() + toDays * DAY),
  });
  return issued.certPem;
}

let cached: Promise<Cas> | undefined;
export function cas(): Promise<Cas> {
  cached ??= (async () => ({
    root: await ca('CN=Plan Root CA, O=Contoso'),
    expiring: await ca('CN=Plan Staging CA, O=Contoso', -300, 20),
    successor: await ca('CN=Plan Staging CA 2027, O=Contoso'),
    other: await ca('CN=Plan Other CA, O=Fabrikam'),
    expired: await ca('CN=Plan Expired CA, O=Fabrikam', -900, -3),
    extra: await Promise.all(Array.from({ length: 10 }, (_, i) => ca(`CN=Plan Extra CA ${i + 1}, O=Contoso`))),
  }))();
  return cached;
}

/** SHA-256 of a PEM's DER with node:crypto only (not the code under test). */
export function sha256Of(pem: string): string {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return createHash('sha256').update(Buffer.from(body, 'base64')).digest('hex');
}

type Pool = PlanClusterInput['agentPools'][number];
export const linuxPool = (name: string, count: number): Pool => agentPool({ name, count, maxSurge: '33%' });
export const windowsPool = (name: string, count: number): Pool => ({
  ...linuxPool(name, count),
  osType: 'Windows',
  osSku: 'Windows2022',
  mode: 'User',
});

export function cluster(
  name: string,
  caBundle: string[],
  extra: Partial<PlanClusterInput> & { tenant?: 'Contoso' | 'Fabrikam'; subscription?: string } = {},
): PlanClusterInput {
  const { tenant = 'Contoso', subscription = 'prod', ...rest } = extra;
  const subscriptionId = `sub-${tenant.toLowerCase()}-${subscription}`;
  const resourceGroup = `rg-${name}`;
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    resourceGroup,
    subscriptionId,
    subscriptionName: `${tenant.toLowerCase()}-${subscription}`,
    tenantId: tenant === 'Contoso' ? 'tenant-contoso' : 'tenant-fabrikam',
    tenantName: tenant,
    caBundle,
    provisioningState: 'Succeeded',
    powerState: 'Running',
    agentPools: [linuxPool('system', 3), linuxPool('apps', 5)],
    ...rest,
  };
}
