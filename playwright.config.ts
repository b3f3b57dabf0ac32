/**
 * End-to-end tests: the built renderer served by the real `inloop serve`, driven in
 * Debian's Chromium (no downloaded browsers; the machine has no network). One worker: each
 * test starts its own server on a fresh data folder (test/e2e/fixtures/serve.ts).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.INLOOP_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser', testDir: 'test/e2e', use: { browserName: 'chromium' } },
    // The real Electron app; skips itself, saying why, where no Electron binary is installed.
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
});
