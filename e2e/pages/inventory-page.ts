import { expect, type Locator, type Page } from '@playwright/test';

export class InventoryPage {
  constructor(private readonly page: Page) {}

  status(): Locator {
    return this.page.getByTestId('inventory-status');
  }

  async waitUntilLoaded() {
    await expect(this.status()).toHaveText(/clusters? in \d+ subscriptions?\./, { timeout: 30_000 });
  }

  row(cluster: string): Locator {
    return this.page.locator(`[data-testid="cluster-row"][data-cluster="${cluster}"]`);
  }

  rows(): Locator {
    return this.page.getByTestId('cluster-row');
  }

  async clusterNames(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-cluster') ?? ''));
  }

  subscription(name: string): Locator {
    return this.page.locator(`[data-testid="subscription"][data-subscription="${name}"]`);
  }

  /** The tenant filter ("All tenants" shows every tenant). */
  tenantFilter(): Locator {
    return this.page.getByRole('search').getByRole('combobox', { name: /^Tenant\b/ });
  }

  async chooseTenant(name: string) {
    await this.tenantFilter().selectOption({ label: name });
  }

  /** A tenant that did not load: its "Sign in to this tenant" button or its error. */
  tenantNotice(name: string): Locator {
    return this.page.locator(`[data-testid="tenant"][data-tenant="${name}"]`);
  }

  /**
   * The table is virtualised: only rows near the screen are in the DOM. Scrolls the page until the cluster's row is
   * rendered (or the end is reached); use a filter instead when the test is about something else.
   */
  async scrollToRow(cluster: string): Promise<Locator> {
    const row = this.row(cluster);
    for (let i = 0; i < 200 && (await row.count()) === 0; i++) {
      const atEnd = await this.page.evaluate(() => {
        const before = window.scrollY;
        window.scrollBy(0, window.innerHeight * 0.8);
        return window.scrollY === before;
      });
      if (atEnd) break;
      await this.page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
    }
    await row.scrollIntoViewIfNeeded();
    return row;
  }
}
