import { test as base, expect, request, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { EMULATOR_URL, MSAL_APP_URL } from './environment';
import { AppShell } from './pages/app-shell';
import { ClusterPage } from './pages/cluster-page';
import { FleetPage } from './pages/fleet-page';
import { InventoryPage } from './pages/inventory-page';
import { RolloutPage } from './pages/rollout-page';

export interface FaultSpec {
  method?: string;
  path?: string;
  pathRegex?: string;
  status?: number;
  code?: string;
  message?: string;
  count?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
}

/** The emulator's control API (emulator/arm/CONTROL.md), as the tests use it. */
export class EmulatorControl {
  constructor(private readonly api: APIRequestContext) {}

  private async send(method: 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) {
    const response = await this.api.fetch(`/_emulator${path}`, { method, data });
    expect(response.ok(), `${method} /_emulator${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  }

  reset = () => this.send('POST', '/reset');
  addFault = (fault: FaultSpec) => this.send('POST', '/faults', fault);
  clearFaults = () => this.send('DELETE', '/faults');
  failNextRollout = (failure: { code?: string; message?: string; afterBatches?: number; cluster?: string }) =>
    this.send('POST', '/rollouts/fail-next', failure);
  setSpeed = (msPerBatch: number) => this.send('PUT', '/speed', { msPerBatch });
  /** e.g. `{ eTags: 'always' }` or `{ machinePageSize: 100 }` (emulator/arm/CONTROL.md); reset restores the defaults. */
  setSettings = (settings: {
    pageSize?: number;
    machinePageSize?: number;
    eTags?: 'seed' | 'always' | 'never';
    latencyMs?: number;
    rejectWindowsCaChange?: boolean;
  }) => this.send('PUT', '/settings', settings);
  /** The cluster autoscaler changes an autoscaled pool's count (a stale PUT is then refused). */
  autoscale = (target: { subscriptionId: string; resourceGroup: string; name: string; pool: string; count: number }) =>
    this.send('PUT', '/autoscale', target);

  async faultHits(): Promise<{ hits: number; remaining: number }[]> {
    return (await (await this.api.get('/_emulator/faults')).json()).value;
  }
}

/** Signs in through real MSAL and the emulator's Entra look-alike, picking the persona by its display name. */
export async function signInWithMsal(page: Page, personaName: string): Promise<void> {
  await page.goto(MSAL_APP_URL);
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`^${EMULATOR_URL}/`));
  await page.getByRole('button', { name: new RegExp(personaName) }).click();
  // The redirect bridge (/auth/redirect) hands over and navigates on at once: wait for the outcome, not a URL.
  await expect(page.getByTestId('signed-in-as')).toContainText(personaName, { timeout: 30_000 });
  await expect(page).toHaveURL(`${MSAL_APP_URL}/`);
}

/** No serious or critical WCAG 2.2 AA violation on the page as it is now. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe in state "${state}"`,
  ).toEqual([]);
}

/** The page objects of e2e/pages, each over the test's `page` (a second tab constructs its own). */
export interface PageObjects {
  appShell: AppShell;
  clusterPage: ClusterPage;
  fleetPage: FleetPage;
  inventoryPage: InventoryPage;
  rolloutPage: RolloutPage;
}

export const test = base.extend<{ emulator: EmulatorControl } & PageObjects>({
  appShell: async ({ page }, use) => use(new AppShell(page)),
  clusterPage: async ({ page }, use) => use(new ClusterPage(page)),
  fleetPage: async ({ page }, use) => use(new FleetPage(page)),
  inventoryPage: async ({ page }, use) => use(new InventoryPage(page)),
  rolloutPage: async ({ page }, use) => use(new RolloutPage(page)),
  emulator: async ({}, use) => {
    const api = await request.newContext({ baseURL: EMULATOR_URL, ignoreHTTPSErrors: true });
    const control = new EmulatorControl(api);
    await control.reset();
    await use(control);
    await control.clearFaults();
    await api.dispose();
  },
});

export { expect };
