import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { classicScripts, tvBuildOptions } from '../../build/tv-build-plugins.ts';

/**
 * The bare-Lit page, built the way vite.config.ts builds the app (same Vite, Chromium 68 target,
 * the same classic scripts) so the start-up ratio compares the app, not the toolchain.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // public/key-floor.html: the key-response floor page, copied as is.
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  logLevel: 'warn',
  plugins: [classicScripts()],
  build: tvBuildOptions(process.env.TV_DIST_DIR ?? fileURLToPath(new URL('../tmp/baseline-dist', import.meta.url))),
});
