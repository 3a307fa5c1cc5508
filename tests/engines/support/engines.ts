import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

/** tests/engines/, where the engine packages are installed and unpacked. */
export const ENGINES_DIR = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = join(ENGINES_DIR, '.cache');

/** A browser the matrix runs the built app in. */
export interface Engine {
  /** Test name, e.g. `Chromium 68 (webOS 5)`. */
  name: string;
  /** The major version the binary must report, so a wrong download cannot pass silently. */
  major?: number;
  /** The alias in tests/engines/package.json; absent for the system Chromium. */
  packageAlias?: string;
}

/** The TV engines (PLATFORMS.md) plus the desktop Chromium the e2e tests use. */
export const ENGINES: readonly Engine[] = [
  { name: 'Chromium 68 (webOS 5)', major: 68, packageAlias: 'chromium-68' },
  { name: 'Chromium 69 (Tizen 5.5)', major: 69, packageAlias: 'chromium-69' },
  { name: 'Chromium 76 (Tizen 6)', major: 76, packageAlias: 'chromium-76' },
  { name: 'Chromium 79 (webOS 6)', major: 79, packageAlias: 'chromium-79' },
  { name: 'Debian Chromium' },
];

/** The system Chromium: $CHROMIUM_PATH, else Debian's (installed by .ci/run). */
export function systemChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => !!path && existsSync(path));
}

/**
 * The unpacked executable of a chrome-aws-lambda package: its `bin/chromium*.br` is one
 * brotli-compressed binary, unpacked once per package version into the git-ignored cache.
 */
export function unpackedChromium(packageAlias: string): string {
  const packageDir = join(ENGINES_DIR, 'node_modules', packageAlias);
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const executable = join(CACHE_DIR, `${packageAlias}-${version}`, 'chromium');
  if (existsSync(executable)) return executable;
  const binDir = join(packageDir, 'bin');
  const compressed = readdirSync(binDir).find((file) => /^chromium.*\.br$/.test(file));
  if (!compressed) throw new Error(`${packageAlias}: no bin/chromium*.br in ${binDir}`);
  mkdirSync(join(executable, '..'), { recursive: true });
  // Unpack beside the target and rename, so an interrupted run never leaves half a binary.
  const partial = `${executable}.partial`;
  writeFileSync(partial, brotliDecompressSync(readFileSync(join(binDir, compressed))));
  chmodSync(partial, 0o755);
  renameSync(partial, executable);
  return executable;
}

/** Where an engine's executable is, or why it is missing. */
export function executableFor(engine: Engine): string {
  if (engine.packageAlias) return unpackedChromium(engine.packageAlias);
  const system = systemChromium();
  if (!system) throw new Error('no system Chromium: apt-get install chromium, or set CHROMIUM_PATH');
  return system;
}
