import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built renderer (out/renderer) and the real core, in Debian's Chromium,
 * through the web host each spec starts on a fresh data folder. Build first:
 *   npx vite build --config renderer/vite.config.ts && npx playwright test
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    headless: true,
    // The specs assert English texts unless they switch language themselves.
    locale: 'en-GB',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
