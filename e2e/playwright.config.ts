import { defineConfig } from '@playwright/test';

/**
 * Journeys against the built web app, served by `vite preview` on a port of our own, in Debian's
 * Chromium (never a downloaded browser). The JSON report goes to `.reports/playwright.json`
 * (set by the `test` script) for the root `npm test` summary.
 */
const port = Number(process.env.E2E_WEB_PORT ?? 4179);

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two cores, shared with other work: one browser at a time keeps timings honest and runs stable.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npm run preview -w @stackdraft/web -- --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
