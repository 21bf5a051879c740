/** Collects every Content-Security-Policy violation our pages report, in any frame (MSAL's hidden iframe too). */
import type { BrowserContext, Page } from '@playwright/test';
import { MSAL_APP_URL } from '../environment';

const APP_ORIGIN = new URL(MSAL_APP_URL).origin;

export async function watchCspViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => violations.push(text));
  await context.addInitScript((origin) => {
    if (location.origin !== origin) return;
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`);
    });
  }, APP_ORIGIN);
  page.on('console', (message) => {
    const fromUs = message.location().url === '' || message.location().url.startsWith(APP_ORIGIN);
    if (fromUs && /Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
