import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * Journeys against the product as people run it: the API server (apps/api's bundle) serving the
 * built web app and the share-link API from one origin, with its CSP and security headers, on a
 * port of our own, in Debian's Chromium (never a downloaded browser). Its embedded database lives
 * in e2e/.data, wiped at every start. The JSON report goes to `.reports/playwright.json` (set by
 * the `test` script) for the root `npm test` summary.
 */
const port = Number(process.env.E2E_WEB_PORT ?? 4179);
// One directory per port, so two runs on different ports never share a database.
const dataDir = fileURLToPath(new URL(`./.data/port-${port}`, import.meta.url));

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
    baseURL: `http://127.0.0.1:${port}`,
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
    command: 'node serve-api.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      STACKDRAFT_DATA_DIR: dataDir,
      // Always the fresh embedded database, even where DATABASE_URL is set for the API's own tests.
      DATABASE_URL: '',
      // validate/cost/export run on the main thread: the journeys hardly use them, and it saves threads.
      STACKDRAFT_TOOL_WORKERS: '0',
      LOG_LEVEL: 'warn',
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
