import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The bench's own pure logic (statistics, table, catalog); the measurements themselves are not tests. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['lib/**/*.test.ts'],
    environment: 'node',
  },
});
