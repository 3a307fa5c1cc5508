import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The engine matrix: real old Chromium builds over CDP, kept out of `npm test` (see README). */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.test.ts'],
    environment: 'node',
    globalSetup: ['./support/install-engines.ts'],
    // One browser at a time: the machines have two cores and each engine is a full browser.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
