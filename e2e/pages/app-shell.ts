import { expect, type Page } from '@playwright/test';

/** The header every page shares: environment badge, sign-in state, sign-in and sign-out. */
export class AppShell {
  constructor(private readonly page: Page) {}

  environment() {
    return this.page.getByTestId('environment');
  }

  signedInAs() {
    return this.page.getByTestId('signed-in-as');
  }

  async startSignIn() {
    await this.page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }

  async expectSignedOut() {
    await expect(this.page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible();
  }
}
