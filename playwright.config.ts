import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  appEnvironment,
  DEMO_APP_URL,
  EMULATOR_DATA_DIR,
  EMULATOR_PORT,
  EMULATOR_URL,
  MSAL_APP_URL,
  serverOutputFile,
} from './e2e/environment';

// Playwright cannot download browsers here: use Debian's Chromium when present, else Playwright's own.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const launchOptions = existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }
  : {};

const port = (url: string) => new URL(url).port;
// Every server's output is also written to .e2e-output/ (e2e/server-logs.spec.ts reads it for token slices).
// The emulator's request log goes to the file only.
const tee = (name: Parameters<typeof serverOutputFile>[0], command: string) =>
  `node scripts/tee-output.mjs "${serverOutputFile(name)}" --terminal-skip "^\\[emulator\\] [A-Z]+ /" -- ${command}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: MSAL_APP_URL,
    launchOptions,
    // Only tests tell the browser to accept the emulator's locally issued certificate.
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: tee(
        'emulator',
        `npx tsx emulator/main.ts --port ${EMULATOR_PORT} --data-dir "${EMULATOR_DATA_DIR}" --ms-per-batch 150`,
      ),
      url: `${EMULATOR_URL}/_emulator/health`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: tee('msal-app', `node scripts/start-standalone.mjs --port ${port(MSAL_APP_URL)} --host localhost`),
      url: MSAL_APP_URL,
      env: appEnvironment('msal'),
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: tee('demo-app', `node scripts/start-standalone.mjs --port ${port(DEMO_APP_URL)} --host localhost`),
      url: DEMO_APP_URL,
      env: appEnvironment('demo'),
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
