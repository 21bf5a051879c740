import { expect, type Locator, type Page } from '@playwright/test';

export interface PoolOnScreen {
  stage: string;
  replaced: number;
  total: number;
  machines: number;
}

/** The rollout view. */
export class RolloutPage {
  constructor(private readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  connection(): Locator {
    return this.page.getByTestId('connection');
  }

  operationStatus(): Locator {
    return this.page.getByTestId('operation-status');
  }

  outcome(): Locator {
    return this.page.getByTestId('rollout-outcome');
  }

  announcement(): Locator {
    return this.page.getByTestId('rollout-announcement');
  }

  pool(name: string): Locator {
    return this.page.locator(`[data-testid="pool"][data-pool="${name}"]`);
  }

  async pools(): Promise<Record<string, PoolOnScreen>> {
    return this.page.getByTestId('pool').evaluateAll((sections) =>
      Object.fromEntries(
        sections.map((s) => [
          s.getAttribute('data-pool') ?? '',
          { stage: s.getAttribute('data-stage') ?? '', replaced: Number(s.getAttribute('data-replaced')), total: Number(s.getAttribute('data-total')), machines: Number(s.getAttribute('data-machines')) },
        ]),
      ),
    );
  }

  async waitForLive() {
    await expect(this.page.getByTestId('pool').first()).toBeVisible({ timeout: 20_000 });
  }
}
