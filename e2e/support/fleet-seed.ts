/**
 * What the emulator's seed holds, read the way az would: every seeded cluster's CA list from ARM, decoded with
 * Node's own X509 (not lib/pki), with the tenant and subscription names of emulator/directory.ts.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { SUBSCRIPTIONS, TENANTS } from '../../emulator/directory';
import { SEED } from '../../emulator/arm/seed/clusters';
import { caBundle, readCluster } from './arm';

export interface SeedCa {
  sha256: string;
  /** Lower-case hex SHA-1 of the DER. */
  sha1: string;
  name: string;
  notAfter: number;
  clusters: string[];
}

export interface SeedCluster {
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  subscription: string;
  tenantId: string;
  tenant: string;
  cas: string[];
}

export interface SeedFleet {
  clusters: SeedCluster[];
  cas: Map<string, SeedCa>;
  /** Colon-separated upper-case SHA-256 and the PEM of a CA, by display name. */
  byName(name: string): SeedCa & { colonSha256: string; pem: string };
}

export async function readSeedFleet(): Promise<SeedFleet> {
  const pems = new Map<string, string>();
  const cas = new Map<string, SeedCa>();
  const clusters = await Promise.all(
    Object.values(SEED).map(async (address): Promise<SeedCluster> => {
      const subscription = SUBSCRIPTIONS.find((s) => s.subscriptionId === address.subscriptionId)!;
      const tenant = TENANTS.find((t) => t.tenantId === subscription.tenantId)!;
      const arm = await readCluster({ ...address, tenantId: tenant.tenantId });
      const shas = caBundle(arm).map((pem) => {
        const certificate = new X509Certificate(pem);
        const sha256 = createHash('sha256').update(certificate.raw).digest('hex');
        pems.set(sha256, pem);
        const name = /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? certificate.subject;
        const sha1 = createHash('sha1').update(certificate.raw).digest('hex');
        const ca = cas.get(sha256) ?? { sha256, sha1, name, notAfter: Date.parse(certificate.validTo), clusters: [] };
        ca.clusters.push(address.name);
        cas.set(sha256, ca);
        return sha256;
      });
      return {
        ...address,
        subscription: subscription.displayName,
        tenantId: tenant.tenantId,
        tenant: tenant.displayName,
        cas: [...new Set(shas)],
      };
    }),
  );
  return {
    clusters,
    cas,
    byName(name) {
      const ca = [...cas.values()].find((c) => c.name === name);
      if (!ca) throw new Error(`The seed has no CA named ${name}`);
      return { ...ca, colonSha256: ca.sha256.toUpperCase().match(/../g)!.join(':'), pem: pems.get(ca.sha256)! };
    },
  };
}

/** Whole days left by the product's one rule (lib/pki/days-left.ts): floor, symmetric once expired. */
export function daysLeft(notAfter: number): number {
  const days = Math.trunc((notAfter - Date.now()) / 86_400_000);
  return days === 0 ? 0 : days; // never -0
}
