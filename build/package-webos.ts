import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, packageOptions, ROOT, runCli, say, shownPath, testingOnly, type PackageOptions } from './package-cli.ts';
import { stageApp } from './stage-app.ts';

const SCOPE = 'package:webos';
const WEBOS_DIR = join(ROOT, 'webos');
/** @webos-tools/cli's packager, pure JavaScript, from the project's own node_modules. */
const ARES_PACKAGE = join(ROOT, 'node_modules', '.bin', 'ares-package');

/** Stages the app for webOS, checks it and writes `<id>_<version>_all.ipk` into `options.outDir`; returns its path. */
export function packageWebos(options: PackageOptions): string {
  const stageDir = join(options.outDir, 'webos');
  const { origins, notes } = stageApp({ ...options, stageDir });
  for (const note of notes) say(SCOPE, note);
  for (const file of ['appinfo.json', 'icon.png', 'largeIcon.png']) copyFileSync(join(WEBOS_DIR, file), join(stageDir, file));
  execFileSync(ARES_PACKAGE, ['--check', stageDir], { stdio: 'inherit' });
  // ares-package names the file itself: let it write into an empty folder, then move it up.
  const aresOut = mkdtempSync(join(options.outDir, '.ares-'));
  try {
    // Its bundled terser fails on modern syntax, and the build is minified already.
    execFileSync(ARES_PACKAGE, ['--no-minify', '--outdir', aresOut, stageDir], { stdio: 'inherit' });
    const [ipk] = readdirSync(aresOut).filter((file) => file.endsWith('.ipk'));
    if (!ipk) throw new Error('ares-package made no .ipk');
    const target = join(options.outDir, ipk);
    renameSync(join(aresOut, ipk), target);
    say(SCOPE, `${shownPath(target)}, API ${origins.join(', ')}${testingOnly(options)}`);
    return target;
  } finally {
    rmSync(aresOut, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) runCli(SCOPE, () => packageWebos(packageOptions(SCOPE)));
