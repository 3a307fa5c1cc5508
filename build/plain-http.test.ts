/// <reference path="../src/env.d.ts" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/config.ts';
import { insecureUrlKeys } from '../src/config/secure-urls.ts';
import { buildAcceptsHttpOrigin, isRemotePlainHttp, testHttpOrigin } from './plain-http.ts';

const TESTER = 'http://192.168.1.10:8787';

describe('testHttpOrigin (what vite.config.ts bakes in)', () => {
  it('is empty unless TV_ALLOW_HTTP=1 names a plain-http API on another machine, so npm run build stays https-only', () => {
    expect(testHttpOrigin({})).toBe('');
    expect(testHttpOrigin({ TV_API_ORIGIN: TESTER })).toBe('');
    for (const allow of ['', '0', 'true', 'yes']) expect(testHttpOrigin({ TV_ALLOW_HTTP: allow, TV_API_ORIGIN: TESTER }), allow).toBe('');
    expect(testHttpOrigin({ TV_ALLOW_HTTP: '1' })).toBe('');
    for (const origin of ['https://api.example.com', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'not a url', 'http://192.168.1.10:8787/api']) {
      expect(testHttpOrigin({ TV_ALLOW_HTTP: '1', TV_API_ORIGIN: origin }), origin).toBe('');
    }
  });

  it('is that one origin, spelled as the browser spells origins, with TV_ALLOW_HTTP=1', () => {
    expect(testHttpOrigin({ TV_ALLOW_HTTP: '1', TV_API_ORIGIN: TESTER })).toBe(TESTER);
    expect(testHttpOrigin({ TV_ALLOW_HTTP: '1', TV_API_ORIGIN: 'HTTP://Tester.LAN:80/' })).toBe('http://tester.lan');
  });
});

describe('isRemotePlainHttp', () => {
  it('is the rule the production app applies: plain http to anything but this machine', () => {
    for (const origin of ['http://localhost:1', 'http://127.0.0.1:8787', 'http://[::1]:8787', TESTER, 'http://localhost.evil.com', 'https://api.example.com', 'https://192.168.1.10']) {
      const refusedByApp = insecureUrlKeys({ ...DEFAULT_CONFIG, pingUrl: `${origin}/api/ping` }, '').length > 0;
      expect(isRemotePlainHttp(origin), origin).toBe(refusedByApp);
    }
  });
});

describe('buildAcceptsHttpOrigin', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plain-http-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the origin baked into the build scripts, and only that one', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'start.js'), 'var t=`http://192.168.1.10:8787`;');
    writeFileSync(join(dir, 'config.json'), '{"pingUrl": "http://10.0.0.2:8787/api/ping"}');
    expect(buildAcceptsHttpOrigin(dir, TESTER)).toBe(true);
    expect(buildAcceptsHttpOrigin(dir, 'http://10.0.0.2:8787')).toBe(false);
    // A shorter origin inside the baked one is another origin.
    expect(buildAcceptsHttpOrigin(dir, 'http://192.168.1.1')).toBe(false);
  });

  // The real wiring: the environment of `npm run package:*` reaches `vite build`, whose define
  // puts the origin into the production bundle.
  it('is true of a real build made with TV_ALLOW_HTTP=1 and that TV_API_ORIGIN', { timeout: 120_000 }, () => {
    const vite = fileURLToPath(new URL('../node_modules/.bin/vite', import.meta.url));
    const root = fileURLToPath(new URL('..', import.meta.url));
    execFileSync(vite, ['build', '--logLevel', 'error'], { cwd: root, stdio: 'pipe', env: { ...process.env, TV_DIST_DIR: dir, TV_ALLOW_HTTP: '1', TV_API_ORIGIN: TESTER } });
    expect(buildAcceptsHttpOrigin(dir, TESTER)).toBe(true);
    expect(buildAcceptsHttpOrigin(dir, 'http://192.168.1.11:8787')).toBe(false);
  });
});
