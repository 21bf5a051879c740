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

  async chooseTenant(name: string) {
    await this.page.getByLabel('Tenant').selectOption({ label: name });
  }
}
