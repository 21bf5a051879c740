/** Plain fleet data for the lib/fleet tests: three CAs over five clusters in two tenants. */
import type { FleetCertificate, FleetCluster } from '../types';

export const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

function ca(
  name: string,
  hexDigit: string,
  notAfterDays: number,
  extra: Partial<FleetCertificate> = {},
): FleetCertificate {
  return {
    sha256: hexDigit.repeat(64),
    sha1: hexDigit.repeat(40),
    displayName: name,
    subject: `CN=${name}, O=Example`,
    issuer: `CN=${name}, O=Example`,
    notBefore: at(-400),
    notAfter: at(notAfterDays),
    publicKey: { algorithm: 'RSA', size: 2048 },
    subjectKeyIdentifier: `${hexDigit}0`.repeat(20),
    selfIssued: true,
    ...extra,
  };
}

export const ROOT = ca('Contoso Root CA', 'a', 2000);
export const SOON = ca('Contoso Staging CA', 'b', 20, { publicKey: { algorithm: 'EC', curve: 'P-256' } });
export const EXPIRED = ca('Fabrikam Legacy CA', 'c', -12);

export const CONTOSO = 'tenant-contoso';
export const FABRIKAM = 'tenant-fabrikam';

function cluster(
  name: string,
  tenant: 'Contoso' | 'Fabrikam',
  subscription: string,
  resourceGroup: string,
  certificates: FleetCertificate[],
): FleetCluster {
  const subscriptionId = `sub-${subscription}`;
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    resourceGroup,
    subscriptionId,
    subscriptionName: subscription,
    tenantId: tenant === 'Contoso' ? CONTOSO : FABRIKAM,
    tenantName: tenant,
    certificates,
  };
}

export const CLUSTERS: FleetCluster[] = [
  cluster('aks-web', 'Contoso', 'contoso-prod', 'rg-web', [ROOT, SOON]),
  cluster('aks-pay', 'Contoso', 'contoso-prod', 'rg-pay', [ROOT]),
  cluster('aks-stage', 'Contoso', 'contoso-staging', 'rg-stage', [SOON, SOON]),
  cluster('aks-core', 'Fabrikam', 'fabrikam-platform', 'rg-core', [EXPIRED]),
  cluster('aks-empty', 'Fabrikam', 'fabrikam-platform', 'rg-core', []),
];
