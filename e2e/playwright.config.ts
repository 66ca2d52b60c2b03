import { defineConfig } from '@playwright/test';
import { E2E_DATA_DIR, E2E_PORT } from './support/paths.js';

/**
 * Journeys in Debian's Chromium (no browser download): one server on a fresh embedded database
 * with demo data, started for the run. Screenshots of each journey go to e2e/screenshots/.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/report.json' }],
  ],
  outputDir: './test-results',
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'admin', testMatch: /admin.*\.spec\.ts/, use: { viewport: { width: 1366, height: 860 } } },
    // Legal services journeys: staff at a desk, members on their phones in contexts of their own.
    {
      name: 'legal',
      testMatch: /tests\/legal-[^/]*\.spec\.ts$/,
      use: { viewport: { width: 1366, height: 860 } },
    },
    {
      name: 'member',
      testMatch: /member.*\.spec\.ts/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: {
    command: 'node support/serve-fresh.mjs',
    url: `http://localhost:${E2E_PORT}/api/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(E2E_PORT), DATA_DIR: E2E_DATA_DIR, LOG_LEVEL: 'warn' },
  },
});
