/**
 * The fleet change specs' world: the seed's expiring CA (aks-staging-eus2's, ~20 days left) also put on clusters of
 * other subscriptions and of both tenants by ARM PUTs (as az would), each rollout waited out; and its successor,
 * made at test time.
 */
import { expect, type Page } from '@playwright/test';
import { issueCertificate } from '../../emulator/certs';
import type { EmulatorControl } from '../fixtures';
import { AZL, CORE, STAGING, WEB, caBundle, changeCaBundleElsewhere, readCluster, type ClusterAddress } from './arm';
import { readSeedFleet } from './fleet-seed';

export const EXPIRING_NAME = 'Contoso Staging Issuing CA';
export const SUCCESSOR_NAME = 'Contoso Staging Issuing CA 2027';

export interface FleetChangeWorld {
  expiring: { sha256: string; pem: string };
  successorPem: string;
  /** Every cluster that trusts the expiring CA once the setup is done. */
  trusting: ClusterAddress[];
  toApply: ClusterAddress[];
  blocked: ClusterAddress[];
}

export async function waitUntilSucceeded(cluster: ClusterAddress, timeout = 30_000) {
  await expect
    .poll(async () => (await readCluster(cluster)).properties.provisioningState, {
      timeout,
      message: `${cluster.name} settles`,
    })
    .toBe('Succeeded');
}

/**
 * Puts the expiring CA on web, azl and core (and `more`), keeping what each trusts, and waits for those rollouts.
 */
export async function setUpExpiringFleet(
  emulator: EmulatorControl,
  { more = [] }: { more?: ClusterAddress[] } = {},
): Promise<FleetChangeWorld> {
  await emulator.setSpeed(20);
  const seed = await readSeedFleet();
  const expiring = seed.byName(EXPIRING_NAME);
  const successor = await issueCertificate({
    subject: `CN=${SUCCESSOR_NAME}, OU=Platform, O=Contoso Ltd, C=US`,
    isCA: true,
    notAfter: new Date(Date.now() + 700 * 86_400_000),
  });
  for (const cluster of [WEB, AZL, CORE, ...more]) {
    const current = caBundle(await readCluster(cluster));
    await changeCaBundleElsewhere(cluster, [...current, expiring.pem]);
  }
  await Promise.all([WEB, AZL, CORE, STAGING, ...more].map((cluster) => waitUntilSucceeded(cluster)));
  return {
    expiring: { sha256: expiring.sha256, pem: expiring.pem },
    successorPem: successor.certPem,
    trusting: [WEB, STAGING, CORE, AZL, ...more],
    toApply: [WEB, STAGING, AZL, ...more],
    // aks-core-gwc also trusts an expired CA: the plan blocks it (certificate errors in the planned bundle).
    blocked: [CORE],
  };
}

/** From the CA's page: "Replace this CA…", the successor pasted, "Compute the plan"; resolves on the plan page. */
export async function planReplacement(page: Page, world: FleetChangeWorld) {
  await page.goto(`/cas/${world.expiring.sha256}`);
  await expect(page.getByTestId('fleet-status')).toHaveText(/distinct CAs?\.$/, { timeout: 30_000 });
  await page.getByRole('link', { name: /Replace this CA/ }).click();
  await expect(page.getByRole('heading', { name: 'Plan a fleet change' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'CA to replace' })).toHaveValue(world.expiring.sha256);
  await page.getByLabel('Paste PEM certificates').fill(world.successorPem);
  await expect(page.getByTestId('intake-certificates').getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Compute the plan' }).click();
  await expect(page).toHaveURL(/\/fleet\/plan\?id=[0-9a-f]{16}$/, { timeout: 30_000 });
  await expect(page.getByTestId('plan-cluster').first()).toBeVisible();
}

export const planRow = (page: Page, name: string) =>
  page.locator(`[data-testid="plan-cluster"][data-cluster="${name}"]`);
