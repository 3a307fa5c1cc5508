import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The browser: $CHROMIUM_PATH first, then a system Chromium (Debian's, installed by .ci/run),
 * else Playwright's own download — so the same config works on a laptop after
 * `npx playwright install chromium`, and on machines that can't download browsers.
 */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export default defineConfig({
  testDir: './tests/e2e',
  // Every test starts its own reference server on a random port, so files can run in parallel.
  fullyParallel: true,
  // Two workers fit the 2-core machines; each test has its own server, so they never collide.
  workers: 2,
  forbidOnly: !!process.env.CI,
  // One retry in CI only: a test that needs it is reported as flaky, not hidden, and the two
  // seen so far under load are listed in the hand-over note for a real fix.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1920, height: 1080 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      // Without these, Chromium floods this closed network with refused connections.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
