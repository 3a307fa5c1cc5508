import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedCsp, readMetaCsp, writeMetaCsp } from './csp.ts';
import { packagedConfig } from './packaged-config.ts';
import { ALLOW_HTTP, buildAcceptsHttpOrigin } from './plain-http.ts';

export interface StageOptions {
  /** The TV build (`npm run build`'s dist/). */
  distDir: string;
  /** Emptied, then filled with the app as it will be installed. */
  stageDir: string;
  /** Where the packaged app's API lives, e.g. `https://api.example.com`. */
  apiOrigin: string;
  /** The config.json to package instead of the build's (e.g. production tokens). */
  configFile?: string;
  /** A test package's plain-http `apiOrigin` (TV_ALLOW_HTTP=1): the build must accept it. */
  testHttpOrigin?: string;
}

/** What the staged app will reach, for the platform manifest. */
export interface StagedApp {
  /** Every API origin of the packaged config.json. */
  origins: string[];
  /** index.html's CSP with connect-src narrowed to `origins`, images and media to the app's own files. */
  csp: string;
}

/**
 * Copies the build into `stageDir` as a packaged app needs it: config.json with absolute API
 * URLs (it runs from file://), and a CSP that lets it call those origins and nothing else, and
 * load images and media from its own files only.
 */
export function stageApp({ distDir, stageDir, apiOrigin, configFile, testHttpOrigin }: StageOptions): StagedApp {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`no build in ${distDir}: run npm run build first`);
  if (testHttpOrigin && !buildAcceptsHttpOrigin(distDir, testHttpOrigin)) {
    throw new Error(
      `the build in ${distDir} refuses plain http to ${testHttpOrigin}: build it with ${ALLOW_HTTP}=1 TV_API_ORIGIN=${testHttpOrigin} in the environment ` +
        `(npm run package:tizen / package:webos do, when both are set there; --api-origin reaches only the packager)`,
    );
  }
  rmSync(stageDir, { recursive: true, force: true });
  cpSync(distDir, stageDir, { recursive: true });
  const configPath = configFile ?? join(distDir, 'config.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    // Only the file and the reason: its text may hold tokens.
    throw new Error(`${configPath} is not readable JSON (${error instanceof SyntaxError ? 'invalid JSON' : (error as NodeJS.ErrnoException).code})`);
  }
  const { config, origins } = packagedConfig(raw, apiOrigin);
  writeFileSync(join(stageDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const html = readFileSync(join(stageDir, 'index.html'), 'utf8');
  const csp = packagedCsp(readMetaCsp(html), origins);
  writeFileSync(join(stageDir, 'index.html'), writeMetaCsp(html, csp));
  return { origins, csp };
}
