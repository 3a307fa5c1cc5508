import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseApiOrigin } from './packaged-config.ts';
import { ALLOW_HTTP, isRemotePlainHttp } from './plain-http.ts';

/** The nearest folder above this file with a package.json: the same from build/ and build/dist/. */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = repositoryRoot(fileURLToPath(new URL('.', import.meta.url)));
/** Where packages and their staged folders go (git-ignored), unless TV_DIST_DIR is set. */
const PACKAGES_DIR = join(ROOT, 'packages');
/** The reference server of `npm run api`: right for a simulator on this machine, never for a TV. */
const REFERENCE_API_ORIGIN = 'http://127.0.0.1:8787';

export interface PackageOptions {
  /** Where the packaged app's API lives, e.g. `https://api.example.com`. */
  apiOrigin: string;
  /** The TV build to package. */
  distDir: string;
  /** The config.json to package instead of the build's. */
  configFile?: string;
  /**
   * `apiOrigin` when it is plain http to another machine, allowed by TV_ALLOW_HTTP=1: a test
   * package, whose build must have that origin baked in (build/plain-http.ts).
   */
  testHttpOrigin?: string;
  /** package.json's name and version, for the package file name. */
  name: string;
  version: string;
  /** Where the package and its staged folder are written: `packages/`, or `<TV_DIST_DIR>-packages`. */
  outDir: string;
}

/** `path` as a packager names it: relative inside the repository, else absolute. */
export function shownPath(path: string): string {
  const inside = relative(ROOT, path);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? path : inside;
}

/** A line on the console, prefixed like the app's own logs. */
export const say = (scope: string, message: string): void => console.log(`[${scope}] ${message}`);

/**
 * Options from flags, then environment: `--api-origin` / TV_API_ORIGIN, `--config` /
 * TV_PACKAGE_CONFIG, and TV_DIST_DIR for the build to package (default dist/), whose packages
 * then go to `<TV_DIST_DIR>-packages` (default packages/), so that parallel runs each stage
 * and write their own. Throws for a plain-http origin on another machine unless
 * TV_ALLOW_HTTP=1, since the packaged app would refuse every URL on it.
 */
export function packageOptions(scope: string, argv = process.argv.slice(2), env = process.env): PackageOptions {
  const { values } = parseArgs({ args: argv, options: { 'api-origin': { type: 'string' }, config: { type: 'string' } } });
  const rawOrigin = values['api-origin'] ?? env['TV_API_ORIGIN'];
  if (!rawOrigin) {
    say(scope, `no TV_API_ORIGIN or --api-origin: packaging for the reference server at ${REFERENCE_API_ORIGIN}, which only a simulator on this machine reaches; for a TV, set TV_API_ORIGIN (plain http to a test server also needs ${ALLOW_HTTP}=1)`);
  }
  const apiOrigin = parseApiOrigin(rawOrigin ?? REFERENCE_API_ORIGIN);
  const testHttpOrigin = isRemotePlainHttp(apiOrigin) ? apiOrigin : undefined;
  if (testHttpOrigin && env[ALLOW_HTTP] !== '1') {
    throw new Error(
      `${apiOrigin} is plain http, which the packaged app refuses for any host but this machine (tokens and the TV's identity would cross the network unencrypted): ` +
        `use an https:// origin, or for a test package only, run again with ${ALLOW_HTTP}=1 TV_API_ORIGIN=${apiOrigin}`,
    );
  }
  if (testHttpOrigin) say(scope, `WARNING: ${ALLOW_HTTP}=1: FOR TESTING ONLY, never ship or submit this package: it calls ${apiOrigin} over plain http, so tokens and the TV's identity cross the network unencrypted`);
  const configFile = values.config ?? env['TV_PACKAGE_CONFIG'];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const distDir = resolve(env['TV_DIST_DIR'] ?? join(ROOT, 'dist'));
  return {
    apiOrigin,
    distDir,
    configFile: configFile ? resolve(configFile) : undefined,
    ...(testHttpOrigin ? { testHttpOrigin } : {}),
    name: pkg.name,
    version: pkg.version,
    outDir: env['TV_DIST_DIR'] ? `${distDir}-packages` : PACKAGES_DIR,
  };
}

/** The end of a packager's last line: whether the package may only be tested, never shipped. */
export const testingOnly = (options: PackageOptions): string => (options.testHttpOrigin ? `; FOR TESTING ONLY (plain http, ${ALLOW_HTTP}=1)` : '');

/** True when `moduleUrl` is the script node was started with, not a module a test imported. */
export const isMain = (moduleUrl: string): boolean => process.argv[1] !== undefined && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;

/** Runs `main` and turns a thrown error into one clear line and exit code 1. */
export function runCli(scope: string, main: () => void): void {
  try {
    main();
  } catch (error) {
    console.error(`[${scope}] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
