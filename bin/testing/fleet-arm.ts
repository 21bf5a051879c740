/**
 * The fleet CLI tests' ARM helpers against a running emulator, as az would do it (GET, change the list, PUT) and
 * with node:crypto for expected fingerprints (never lib code). Shared by bin/fleet-plan.test.ts and
 * bin/fleet-apply.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { expect, vi } from 'vitest';
import { issueCertificate } from '../../emulator/certs';
import { SUBSCRIPTIONS } from '../../emulator/directory';
import { httpsClient } from '../../emulator/testing/https-client';
import { startEmulator } from '../../emulator/server';
import { runCli } from '../cli/main';

export type Address = { subscriptionId: string; resourceGroup: string; name: string };
export interface WireCluster {
  properties: {
    provisioningState: string;
    securityProfile?: { customCATrustCertificates?: string[] };
  };
}

const API = 'api-version=2025-01-01';

export const tenantOf = (a: Address) => SUBSCRIPTIONS.find((s) => s.subscriptionId === a.subscriptionId)!.tenantId;

/** SHA-256 of the DER in one wire entry (base64 of a PEM). */
export const entrySha256 = (entry: string) => {
  const pem = Buffer.from(entry, 'base64').toString('utf8');
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return createHash('sha256').update(Buffer.from(body, 'base64')).digest('hex');
};

export function fleetArm(
  baseUrl: () => string,
  get: () => ReturnType<typeof httpsClient>,
  tokenFor: (tenantId: string) => Promise<string>,
) {
  const url = (a: Address) =>
    `${baseUrl()}/subscriptions/${a.subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${a.name}?${API}`;
  const auth = async (a: Address) => ({ authorization: `Bearer ${await tokenFor(tenantOf(a))}` });

  async function readCluster(a: Address): Promise<WireCluster> {
    return (await get()(url(a), { headers: await auth(a) })).json<WireCluster>();
  }

  /** As az does: GET, append the entries, PUT. */
  async function addEntries(a: Address, entries: string[]): Promise<void> {
    const body = await readCluster(a);
    const current = body.properties.securityProfile?.customCATrustCertificates ?? [];
    body.properties.securityProfile = {
      ...body.properties.securityProfile,
      customCATrustCertificates: [...current, ...entries],
    };
    const response = await get()(url(a), { method: 'PUT', headers: await auth(a), json: body });
    if (response.status >= 300) throw new Error(`PUT ${a.name}: ${response.status} ${response.text}`);
  }

  const waitSucceeded = (clusters: Address[]) =>
    vi.waitFor(
      async () => {
        for (const a of clusters) expect((await readCluster(a)).properties.provisioningState).toBe('Succeeded');
      },
      { timeout: 60_000, interval: 50 },
    );

  const entriesOf = async (a: Address) =>
    (await readCluster(a)).properties.securityProfile?.customCATrustCertificates ?? [];
  const speed = (msPerBatch: number) => get()(`${baseUrl()}/_emulator/speed`, { method: 'PUT', json: { msPerBatch } });

  return { url, readCluster, addEntries, waitSucceeded, entriesOf, speed };
}

/** `ca-trust fleet …` in-process against the emulator, collecting what it prints. */
export async function runFleetCli(
  args: string[],
  emulator: { baseUrl: string; caFile: string },
  credential: TokenCredential,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['fleet', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async () => new Uint8Array(),
    fleet: {
      env: { ARM_ENDPOINT: emulator.baseUrl, ARM_CA_FILE: emulator.caFile },
      credential: async () => credential,
      stderrIsTTY: false,
    },
  });
  return { code, stdout, stderr };
}

/**
 * The emulator in this process, in a scratch folder, with the CA both fleet tests rotate to written there as a
 * file (the expiring CA of aks-staging-eus2's successor).
 */
export async function startFleetEmulator(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const emulator = await startEmulator({ port: 0, dataDir: dir, quiet: true });
  const get = httpsClient(emulator.caPem);
  const successor = await issueCertificate({
    subject: 'CN=Contoso Staging Issuing CA 2027, O=Contoso Ltd',
    isCA: true,
  });
  const successorFile = join(dir, 'successor.pem');
  writeFileSync(successorFile, successor.certPem);
  return { dir, emulator, get, successor, successorFile };
}

/** ARM tokens from the emulator's token endpoint, one per persona and tenant, and credentials that hand them out. */
export function emulatorTokens(baseUrl: () => string, get: () => ReturnType<typeof httpsClient>) {
  const tokens = new Map<string, string>();
  const tokenFor = async (tenantId: string, persona = 'owner'): Promise<string> => {
    const key = `${persona}/${tenantId}`;
    if (!tokens.has(key)) {
      const response = await get()(`${baseUrl()}/_emulator/token`, { json: { persona, tenantId } });
      tokens.set(key, response.json<{ access_token: string }>().access_token);
    }
    return tokens.get(key)!;
  };
  /** What az's credential does: a token for the tenant asked for, else the persona's home tenant. */
  const credentialOf = (persona: string, home: string): TokenCredential => ({
    getToken: async (_scopes: string | string[], options?: GetTokenOptions) => ({
      token: await tokenFor(options?.tenantId ?? home, persona),
      expiresOnTimestamp: Date.now() + 3_600_000,
    }),
  });
  return { tokenFor, credentialOf };
}
