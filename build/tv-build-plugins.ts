import { build, type BuildEnvironmentOptions, type Plugin } from 'vite';
import { classicChunks, firstStageFiles, withFirstStageTags } from './classic-chunks.ts';

/**
 * A packaged TV app loads from file://, where Chromium refuses `type="module"` and
 * `crossorigin` scripts: the build emits classic scripts (chunks the entry's loader fetches)
 * and a plain deferred tag for the entry.
 */
export function classicScripts(): Plugin[] {
  return [classicScriptTag(), classicChunks()];
}

function classicScriptTag(): Plugin {
  return {
    name: 'tv-classic-script-tag',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { chunk, bundle }) => {
        const classic = html.replace(/<script type="module"( crossorigin)? src=/g, '<script defer src=').replace(/ crossorigin(?=[ >])/g, '');
        return chunk && bundle ? withFirstStageTags(classic, chunk.fileName, firstStageFiles(chunk, bundle)) : classic;
      },
    },
  };
}

/**
 * Builds `entry` as a separate classic script at `fileName`, for engines that need it; the app
 * bundle loads it only where a feature is missing (src/boot/load-legacy-polyfills.ts).
 */
export function legacyPolyfills(entry: string, fileName: string): Plugin {
  return {
    name: 'tv-legacy-polyfills',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'es2015',
          lib: { entry, formats: ['iife'], name: 'tvLegacyPolyfills', fileName: () => fileName },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
      const chunk = outputs.find((o) => o.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error('legacy polyfills build produced no script');
      this.emitFile({ type: 'asset', fileName, source: chunk.code });
    },
  };
}

/**
 * How every TV page is built (the app, and the benchmark's bare-Lit yardstick, which must be
 * built the same way, with `classicScripts()`): minified CommonJS chunks lowered for Chromium 68,
 * the oldest engine we run (webOS 5), that classicScripts() turns into classic scripts.
 */
export function tvBuildOptions(outDir: string): BuildEnvironmentOptions {
  return {
    outDir,
    emptyOutDir: true,
    // Exactly the oldest engine, not a language year: Chromium 68 runs object spread and async
    // iteration natively, so the build ships no helpers for them.
    target: 'chrome68',
    modulePreload: false,
    rollupOptions: {
      // Classic scripts have no import.meta; the preload helper's use of it is dead code with modulePreload off.
      transform: { define: { 'import.meta': '{}' } },
      output: {
        format: 'cjs',
        // A dynamic import becomes `Promise.resolve().then(() => require(…))`, which the chunk loader serves.
        dynamicImportInCjs: false,
        entryFileNames: 'assets/app-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  };
}
