import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const fromBench = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const VITE_CLI = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');

/** Where the bench builds to: its own git-ignored scratch folder, never the shared dist/. */
export const APP_DIST = fromBench('tmp/dist');
export const BASELINE_DIST = fromBench('tmp/baseline-dist');

/**
 * `vite build` in a child process, as a developer runs it: the bench's own process runs under
 * Vite's module runner, whose development NODE_ENV would give an unminified build.
 */
async function viteBuild(args: string[], outDir: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, TV_DIST_DIR: outDir };
  delete env.NODE_ENV;
  await promisify(execFile)(process.execPath, [VITE_CLI, 'build', '--logLevel', 'warn', ...args], { cwd: fromBench('..'), env });
}

/**
 * Builds the app with the project's own vite.config.ts, and the bare-Lit page with its twin
 * config. The app's source maps are `hidden` (written beside the bundle, not referenced from
 * it), so the bundle is byte-for-byte the shipped one and the size rows can still say which
 * source the bytes come from.
 */
export async function buildBoth(): Promise<void> {
  await viteBuild(['--sourcemap', 'hidden'], APP_DIST);
  await viteBuild(['--config', fromBench('baseline/vite.config.ts')], BASELINE_DIST);
}
