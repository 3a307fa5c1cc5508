import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { isMain, packageOptions, ROOT, runCli, say, shownPath, testingOnly, type PackageOptions } from './package-cli.ts';
import { stageApp } from './stage-app.ts';
import { renderTizenConfig } from './tizen-config.ts';
import { createZip } from './zip.ts';

const SCOPE = 'package:tizen';
const TIZEN_DIR = join(ROOT, 'tizen');

/** Every file under `dir`, as `/`-separated paths relative to it, config.xml first. */
function filesUnder(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  return ['config.xml', ...files.filter((file) => file !== 'config.xml')];
}

/** Tizen Studio's CLI: $TIZEN_CLI, else `tizen` on the PATH, else the default install folder. */
function tizenCli(env: NodeJS.ProcessEnv): string | undefined {
  if (env['TIZEN_CLI']) return env['TIZEN_CLI'];
  try {
    execFileSync('tizen', ['version'], { stdio: 'ignore' });
    return 'tizen';
  } catch {
    const installed = join(homedir(), 'tizen-studio', 'tools', 'ide', 'bin', 'tizen');
    return existsSync(installed) ? installed : undefined;
  }
}

/** Signs the staged folder with a Tizen Studio security profile; returns the signed package. */
function signWithProfile(profile: string, stageDir: string, env: NodeJS.ProcessEnv): Buffer {
  const cli = tizenCli(env);
  if (!cli) throw new Error(`TIZEN_SECURITY_PROFILE=${profile} is set but no Tizen Studio CLI was found (set TIZEN_CLI)`);
  const outDir = mkdtempSync(join(tmpdir(), 'tizen-package-'));
  try {
    execFileSync(cli, ['package', '-t', 'wgt', '-s', profile, '-o', outDir, '--', stageDir], { stdio: 'inherit' });
    const signed = readdirSync(outDir).filter((file) => file.endsWith('.wgt'));
    if (signed.length !== 1) throw new Error(`tizen package made ${signed.length} .wgt files, expected 1`);
    return readFileSync(join(outDir, signed[0]!));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Stages the app for Tizen and writes `<name>-<version>.wgt` into `options.outDir`; returns its path. */
export function packageTizen(options: PackageOptions, env = process.env): string {
  const stageDir = join(options.outDir, 'tizen');
  const { origins, csp, notes } = stageApp({ ...options, stageDir });
  for (const note of notes) say(SCOPE, note);
  writeFileSync(join(stageDir, 'config.xml'), renderTizenConfig(readFileSync(join(TIZEN_DIR, 'config.xml'), 'utf8'), { origins, csp }));
  copyFileSync(join(TIZEN_DIR, 'icon.png'), join(stageDir, 'icon.png'));
  const profile = env['TIZEN_SECURITY_PROFILE'];
  const wgt = profile
    ? signWithProfile(profile, stageDir, env)
    : createZip(filesUnder(stageDir).map((name) => ({ name, data: readFileSync(join(stageDir, name)) })));
  const target = join(options.outDir, `${options.name}-${options.version}.wgt`);
  writeFileSync(`${target}.partial`, wgt);
  renameSync(`${target}.partial`, target);
  say(SCOPE, `${shownPath(target)} (${profile ? `signed with ${profile}` : 'unsigned: set TIZEN_SECURITY_PROFILE to sign'}), API ${origins.join(', ')}${testingOnly(options)}`);
  return target;
}

if (isMain(import.meta.url)) runCli(SCOPE, () => packageTizen(packageOptions(SCOPE)));
