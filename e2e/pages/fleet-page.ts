import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet CA index, one CA's page and the expiring view. */
export class FleetPage {
  constructor(private readonly page: Page) {}

  status(): Locator {
    return this.page.getByTestId('fleet-status');
  }

  async waitUntilLoaded() {
    await expect(this.status()).toHaveText(
      /^\d+ clusters? in \d+ subscriptions? of \d+ tenants?; \d+ distinct CAs?\.$/,
      {
        timeout: 30_000,
      },
    );
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Find a CA' });
  }

  entries(): Locator {
    return this.page.getByTestId('ca-entry');
  }

  async names(testId: 'trusting-cluster' | 'not-trusting-cluster' | 'expiring-cluster', within?: Locator) {
    return (within ?? this.page)
      .getByTestId(testId)
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-cluster') ?? ''));
  }

  /** A real drop of a file on the drop zone (DataTransfer, as a file manager does). */
  async dropFile(name: string, content: string) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, content }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'application/x-pem-file' }));
        return transfer;
      },
      { name, content },
    );
    const zone = this.page.getByTestId('find-drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  async expectNoHorizontalOverflow() {
    const overflow = await this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  }
}
