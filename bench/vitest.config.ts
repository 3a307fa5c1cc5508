import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The bench's own pure logic (statistics, table, catalog); the measurements themselves are not tests. */
export default defineConfig({
  // Vite's cache would otherwise land in bench/node_modules.
  cacheDir: fileURLToPath(new URL('./tmp/.vite', import.meta.url)),
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['lib/**/*.test.ts'],
    environment: 'node',
  },
});
