import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMetaCsp } from './csp.ts';
import type { PackageOptions } from './package-cli.ts';
import { packageTizen } from './package-tizen.ts';
import { packageWebos } from './package-webos.ts';
import { readZip, xmlElements, xmlText } from './test-support.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const version = (JSON.parse(read('../package.json')) as { version: string }).version;

describe('packaging', () => {
  let dir: string;
  let options: PackageOptions;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'package-test-'));
    // A stand-in build: the real CSP and dev config.json, a tiny script.
    const distDir = join(dir, 'dist');
    mkdirSync(join(distDir, 'assets'), { recursive: true });
    writeFileSync(join(distDir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${readMetaCsp(read('../src/index.html'))}"><script defer src="./assets/app.js"></script>`);
    writeFileSync(join(distDir, 'assets', 'app.js'), 'start();');
    writeFileSync(join(distDir, 'config.json'), read('../public/config.json'));
    options = { apiOrigin: 'https://api.example.com', distDir, name: 'tv-app', version, outDir: join(dir, 'packages') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes an unsigned Tizen .wgt: config.xml at the root, allowed to reach the API origin only', () => {
    const wgt = packageTizen(options, {});
    expect(wgt).toBe(join(dir, 'packages', `tv-app-${version}.wgt`));
    const files = readZip(readFileSync(wgt));
    expect([...files.keys()][0]).toBe('config.xml');
    expect([...files.keys()].sort()).toEqual(['assets/app.js', 'config.json', 'config.xml', 'icon.png', 'index.html']);
    expect(xmlElements(files.get('config.xml')!.toString('utf8'), 'access')).toEqual([{ origin: 'https://api.example.com', subdomains: 'false' }]);
    expect(JSON.parse(files.get('config.json')!.toString('utf8'))).toMatchObject({ pingUrl: 'https://api.example.com/api/ping' });
    expect(files.get('config.json')!.toString('utf8')).not.toMatch(/reference-(register|user)-token/);
    expect(readMetaCsp(files.get('index.html')!.toString('utf8'))).toMatch(/connect-src 'self' https:\/\/api\.example\.com$/);
    // Images and media from the app's own files only, in the page and in the manifest.
    const csp = readMetaCsp(files.get('index.html')!.toString('utf8'));
    expect(csp).toMatch(/img-src 'self' data: blob:; media-src 'self' blob:;/);
    expect(xmlText(files.get('config.xml')!.toString('utf8'), 'tizen:content-security-policy')).toBe(csp);
  });

  it('signs the .wgt with Tizen Studio when a security profile is configured', () => {
    // A stand-in for Tizen Studio's CLI: records its arguments, writes a "signed" package.
    const cli = join(dir, 'tizen');
    writeFileSync(cli, '#!/bin/sh\necho "$@" > "$(dirname "$0")/args.txt"\nwhile [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done\nprintf signed > "$out/TV App.wgt"\n');
    chmodSync(cli, 0o755);
    const wgt = packageTizen(options, { TIZEN_SECURITY_PROFILE: 'tv-profile', TIZEN_CLI: cli });
    expect(readFileSync(wgt, 'utf8')).toBe('signed');
    expect(readFileSync(join(dir, 'args.txt'), 'utf8')).toMatch(new RegExp(`^package -t wgt -s tv-profile -o \\S+ -- ${join(dir, 'packages', 'tizen')}\\n$`));
  });

  it('makes a webOS .ipk with ares-package, offline', { timeout: 60_000 }, () => {
    const ipk = packageWebos(options);
    expect(ipk).toBe(join(dir, 'packages', `com.example.tvapp_${version}_all.ipk`));
    // An .ipk is an ar archive.
    expect(readFileSync(ipk).toString('latin1', 0, 8)).toBe('!<arch>\n');
    const config = readFileSync(join(dir, 'packages', 'webos', 'config.json'), 'utf8');
    expect(JSON.parse(config)).toMatchObject({ pingUrl: 'https://api.example.com/api/ping' });
    // A release for a real backend: the development config's reference tokens stay out.
    expect(config).not.toMatch(/reference-(register|user)-token/);
  });
});
