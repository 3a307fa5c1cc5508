import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { referenceApiPlugin } from './server/src/vite-plugin.ts';
import { classicScripts, legacyPolyfills, tvBuildOptions } from './build/tv-build-plugins.ts';
import { trimCssTemplates } from './build/css-templates.ts';
import { testHttpOrigin } from './build/plain-http.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
// '' unless TV_ALLOW_HTTP=1 and TV_API_ORIGIN is plain http to another machine: a test package's API.
const httpOrigin = testHttpOrigin(process.env);
if (httpOrigin) console.warn(`[tv-build] TV_ALLOW_HTTP=1: this build accepts plain http to ${httpOrigin}; for testing only, never ship it`);

export default defineConfig({
  root: fromRoot('./src'),
  publicDir: fromRoot('./public'),
  base: './',
  define: {
    __APP_NAME__: JSON.stringify(pkg.name),
    __APP_VERSION__: JSON.stringify(pkg.version),
    // The one plain-http API origin on another machine production code accepts (src/config/secure-urls.ts).
    __TV_TEST_HTTP_ORIGIN__: JSON.stringify(httpOrigin),
  },
  plugins: [
    referenceApiPlugin(),
    classicScripts(),
    trimCssTemplates(),
    legacyPolyfills(fromRoot('./src/boot/legacy-polyfills.ts'), 'assets/legacy-polyfills.js'),
  ],
  // TV_DIST_DIR lets parallel runs (bench, engine tests) build without clobbering each other.
  build: tvBuildOptions(process.env.TV_DIST_DIR ?? fromRoot('./dist')),
  test: {
    root: fromRoot('.'),
    // Module logs are part of what tests assert on; print them only for a failing test.
    silent: 'passed-only',
    projects: [
      {
        extends: true,
        // The unit tests check the https-only app, whatever TV_ALLOW_HTTP a tester's shell exports.
        define: { __TV_TEST_HTTP_ORIGIN__: '""' },
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['src/**/*.test.ts', 'tests/property/**/*.test.ts'],
          setupFiles: ['tests/fast-check-setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'build', environment: 'node', include: ['build/**/*.test.ts'] },
      },
    ],
  },
});
