import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINES, ENGINES_DIR, unpackedChromium } from './engines.ts';

/** The version each alias pins (`npm:chrome-aws-lambda@1.4.0` → `1.4.0`). */
function pinnedVersions(): Map<string, string> {
  const { dependencies = {} } = JSON.parse(readFileSync(join(ENGINES_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return new Map(Object.entries(dependencies).map(([alias, spec]) => [alias, spec.slice(spec.lastIndexOf('@') + 1)]));
}

function installedVersion(alias: string): string | undefined {
  const manifest = join(ENGINES_DIR, 'node_modules', alias, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}

/**
 * Vitest global setup: installs the engine packages from their own lock file when they are
 * missing or stale (scripts off: they only ship binaries), then unpacks every binary once, so
 * the tests' time limits measure the app and not a 130 MB decompression.
 */
export default function installEngines(): void {
  const stale = [...pinnedVersions()].filter(([alias, version]) => installedVersion(alias) !== version);
  if (stale.length > 0) {
    console.log(`[engines] installing ${stale.map(([alias]) => alias).join(', ')} (about 150 MB from the npm registry)`);
    execFileSync('npm', ['ci', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund'], { cwd: ENGINES_DIR, stdio: 'inherit' });
  }
  for (const engine of ENGINES) if (engine.packageAlias) unpackedChromium(engine.packageAlias);
}
