import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The fault soak: one test per seed (`SOAK_SEEDS=17,42` replays those; default seeds 1…20),
 * two at a time, each with its own reference server. Traces are off: a day of virtual time is
 * thousands of steps, and the failure report already carries the seed and the event log.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: ['soak.spec.ts', 'harness.spec.ts'],
  outputDir: '../../test-results/soak',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 10 * 60_000,
  reporter: [['list'], ['./figures-reporter.ts']],
  use: { ...base.use, trace: 'off', screenshot: 'off', video: 'off' },
});
