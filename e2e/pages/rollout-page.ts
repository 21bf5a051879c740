import { expect, type Locator, type Page } from '@playwright/test';

export interface PoolOnScreen {
  stage: string;
  /** A number, or 'unknown'. */
  updated: string;
  total: number;
  machines: number;
  signal: string;
  behaviour: string;
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

  stage(key: 'accepted' | 'preparing' | 'nodes' | 'end'): Locator {
    return this.page.locator(`[data-testid="rollout-stages"] [data-stage="${key}"]`);
  }

  signal(key: 'operation' | 'machines-before' | 'vmss' | 'machines' | 'states'): Locator {
    return this.page.locator(`[data-testid="rollout-signals"] [data-signal="${key}"]`);
  }

  pool(name: string): Locator {
    return this.page.locator(`[data-testid="pool"][data-pool="${name}"]`);
  }

  async pools(): Promise<Record<string, PoolOnScreen>> {
    return this.page.getByTestId('pool').evaluateAll((sections) =>
      Object.fromEntries(
        sections.map((s) => [
          s.getAttribute('data-pool') ?? '',
          {
            stage: s.getAttribute('data-stage') ?? '',
            updated: s.getAttribute('data-updated') ?? '',
            total: Number(s.getAttribute('data-total')),
            machines: Number(s.getAttribute('data-machines')),
            signal: s.getAttribute('data-signal') ?? '',
            behaviour: s.getAttribute('data-behaviour') ?? '',
          },
        ]),
      ),
    );
  }

  async waitForLive() {
    await expect(this.page.getByTestId('pool').first()).toBeVisible({ timeout: 30_000 });
  }
}
