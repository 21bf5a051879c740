import { expect, type Locator, type Page } from '@playwright/test';
import { clusterPagePath, type ClusterAddress } from '../support/arm';

/** The cluster page: facts, current bundle, editor, review and the confirm dialog. */
export class ClusterPage {
  constructor(private readonly page: Page) {}

  async open(cluster: ClusterAddress) {
    await this.page.goto(clusterPagePath(cluster));
    await expect(this.page.getByTestId('cluster-status')).toHaveText(/Read from Azure/, { timeout: 30_000 });
    await expect(this.proposalStatus()).not.toHaveText('Checking…');
  }

  state(): Locator {
    return this.page.getByTestId('cluster-state');
  }

  currentBundle(): Locator {
    return this.page.getByTestId('current-bundle');
  }

  proposalStatus(): Locator {
    return this.page.getByTestId('proposal-status');
  }

  diffSummary(): Locator {
    return this.page.getByTestId('diff-summary');
  }

  applyButton(): Locator {
    return this.page.getByRole('button', { name: 'Apply…' });
  }

  /** On a Failed or Canceled cluster with no CA change: apply the same list again. */
  finishRolloutButton(): Locator {
    return this.page.getByRole('button', { name: 'Apply again to finish the rollout' });
  }

  /** Which protection against a concurrent change the review names (`data-protection`: etag | compare). */
  protection(): Locator {
    return this.page.getByTestId('concurrency-protection');
  }

  readOnlyNotice(): Locator {
    return this.page.getByTestId('read-only');
  }

  removeAllButton(): Locator {
    return this.page.getByRole('button', { name: 'Remove all custom CAs…' });
  }

  applyReason(): Locator {
    return this.page.getByTestId('apply-reason');
  }

  finding(id: string): Locator {
    // A finding shows in the list and again on its certificate's card.
    return this.page.getByTestId('editor').locator(`[data-testid="finding"][data-finding-id="${id}"]`).first();
  }

  findings(id: string): Locator {
    return this.page.getByTestId('editor').locator(`[data-testid="finding"][data-finding-id="${id}"]`);
  }

  async addFile(name: string, content: string | Buffer) {
    await this.page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'application/octet-stream',
      buffer: typeof content === 'string' ? Buffer.from(content) : content,
    });
  }

  async paste(text: string) {
    await this.page.getByLabel('Paste PEM certificates').fill(text);
  }

  async replaceCurrent() {
    await this.page.getByRole('button', { name: 'Replace the current bundle' }).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async applyAndConfirm() {
    await this.applyButton().click();
    await this.dialog().getByRole('button', { name: 'Apply the change' }).click();
  }

  async refresh() {
    await this.page.getByRole('button', { name: 'Refresh', exact: true }).click();
  }
}
