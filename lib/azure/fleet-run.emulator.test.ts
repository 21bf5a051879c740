/**
 * lib/azure/fleet-run.ts against the emulator: the fingerprints it reads, the conflict it answers when the fresh read
 * differs from the plan's before (nothing written), a checked apply and its rollout status to the end, and the
 * operation URL check. Expected fingerprints come from node:crypto.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueCertificate } from '../../emulator/certs';
import { httpsClient } from '../../emulator/testing/https-client';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { SEED } from '../../emulator/arm/seed/clusters';
import { parseArmConfig } from '../config';
import { FLEET_CONFLICT_CODE } from '../fleet/runner/conflict';
import { readBundle } from '../pki';
import { armClientsFor, type ArmClients } from './clients';
import { staticTokenCredential } from './credential';
import { applyFleetCluster, fleetRolloutStatus, FleetRefusal, readFleetCluster } from './fleet-run';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let dataDir: string;
let clients: ArmClients;

const derSha256 = (pem: string) =>
  createHash('sha256')
    .update(Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64'))
    .digest('hex');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fleet-run-'));
  emulator = await startEmulator({ port: 0, dataDir, quiet: true });
  const get = httpsClient(emulator.caPem);
  await get(`${emulator.baseUrl}/_emulator/speed`, { method: 'PUT', json: { msPerBatch: 1 } });
  const token = (await get(`${emulator.baseUrl}/_emulator/token`, { json: { persona: 'owner' } })).json<{
    access_token: string;
  }>().access_token;
  clients = armClientsFor(
    staticTokenCredential(token),
    parseArmConfig({ ARM_ENDPOINT: emulator.baseUrl, ARM_CA_FILE: emulator.caFile }),
  );
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('fleet-run over ARM', () => {
  it('reads fingerprints, refuses a stale before, applies, follows the rollout to Succeeded', async () => {
    const ref = SEED.web;
    const reading = await readFleetCluster(clients, ref);
    const summary = await clients.containerService(ref.subscriptionId).managedClusters.get(ref.resourceGroup, ref.name);
    const pems = (summary.securityProfile?.customCATrustCertificates ?? []).map((b) => new TextDecoder().decode(b));
    expect(reading.caBundleSha256).toEqual(pems.map(derSha256));
    expect(reading.provisioningState).toBe('Succeeded');

    const added = await issueCertificate({ subject: 'CN=Fleet Run Test CA', isCA: true });
    const { certificates } = await readBundle(
      [...pems, added.certPem].map((content, i) => ({ name: `${i}`, content })),
      { now: new Date() },
    );
    const after = certificates.map((c) => c.sha256);

    const stale = applyFleetCluster(clients, { cluster: ref, before: ['0'.repeat(64)], after, certificates });
    await expect(stale).rejects.toBeInstanceOf(FleetRefusal);
    await expect(stale).rejects.toMatchObject({ error: { code: FLEET_CONFLICT_CODE } });
    expect((await readFleetCluster(clients, ref)).caBundleSha256).toEqual(reading.caBundleSha256);

    const wrongPems = applyFleetCluster(clients, {
      cluster: ref,
      before: reading.caBundleSha256,
      after: reading.caBundleSha256,
      certificates,
    });
    await expect(wrongPems).rejects.toMatchObject({ error: { code: 'CertificatesRefused' } });

    const handle = await applyFleetCluster(clients, {
      cluster: ref,
      before: reading.caBundleSha256,
      after,
      certificates,
    });
    expect(handle.operationUrl).toMatch(/\/operations\//);
    await vi.waitFor(
      async () =>
        expect(await fleetRolloutStatus(clients, ref, handle.operationUrl!, emulator.baseUrl)).toMatchObject({
          phase: 'succeeded',
        }),
      { timeout: 30_000, interval: 50 },
    );
    expect(await fleetRolloutStatus(clients, ref, null, emulator.baseUrl)).toMatchObject({ phase: 'succeeded' });
    expect((await readFleetCluster(clients, ref)).caBundleSha256).toEqual(after);

    await expect(
      fleetRolloutStatus(clients, ref, 'https://elsewhere.example/operations/x', emulator.baseUrl),
    ).rejects.toMatchObject({ error: { code: 'ForgedOperationUrl' } });
  }, 60_000);
});
