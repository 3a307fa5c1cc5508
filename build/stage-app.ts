import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedCsp, readMetaCsp, writeMetaCsp } from './csp.ts';
import { packagedConfig, withoutReferenceTokens } from './packaged-config.ts';
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
  /** What the packager should tell whoever packages, one line each. */
  notes: string[];
}

/**
 * Copies the build into `stageDir` as a packaged app needs it: config.json with absolute API
 * URLs (it runs from file://), and a CSP that lets it call those origins and nothing else, and
 * load images and media from its own files only. A package for an https API from the build's
 * own config.json (the development one) leaves out the reference server's tokens: that API is a
 * real backend, which would refuse them. Plain http means the reference server (on this machine,
 * or a tester's with TV_ALLOW_HTTP=1), which takes them.
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
  const packaged = packagedConfig(raw, apiOrigin);
  const { origins } = packaged;
  const notes: string[] = [];
  let { config } = packaged;
  if (!configFile && new URL(apiOrigin).protocol === 'https:') {
    const release = withoutReferenceTokens(config);
    config = release.config;
    if (release.leftOut.length) {
      const effects = release.leftOut.map((key) => (key === 'registerApi.token' ? 'registration is off' : 'approval needs the userToken launch parameter'));
      notes.push(
        `config.json: left out the reference server's development ${release.leftOut.join(' and ')}, which ${apiOrigin} would refuse (${effects.join(', ')}); ` +
          `set TV_PACKAGE_CONFIG to package a config.json with your own`,
      );
    }
  }
  writeFileSync(join(stageDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  const html = readFileSync(join(stageDir, 'index.html'), 'utf8');
  const csp = packagedCsp(readMetaCsp(html), origins);
  writeFileSync(join(stageDir, 'index.html'), writeMetaCsp(html, csp));
  return { origins, csp, notes };
}
