import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packageOptions, ROOT, shownPath } from './package-cli.ts';

const SCOPE = 'package:test';
const TESTER = 'http://192.168.1.10:8787';

describe('packageOptions: plain http', () => {
  it('refuses a plain-http API on another machine, saying why and what to do', () => {
    for (const [argv, env] of [
      [[], { TV_API_ORIGIN: TESTER }],
      [['--api-origin', `${TESTER}/`], {}],
      [[], { TV_API_ORIGIN: TESTER, TV_ALLOW_HTTP: 'true' }],
    ] as const) {
      expect(() => packageOptions(SCOPE, [...argv], env)).toThrow(
        `${TESTER} is plain http, which the packaged app refuses for any host but this machine (tokens and the TV's identity would cross the network unencrypted): use an https:// origin, or for a test package only, run again with TV_ALLOW_HTTP=1 TV_API_ORIGIN=${TESTER}`,
      );
    }
  });

  afterEach(() => vi.restoreAllMocks());

  it('packages it for testing with TV_ALLOW_HTTP=1, marking the package so and saying it loudly', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(packageOptions(SCOPE, [], { TV_API_ORIGIN: TESTER, TV_ALLOW_HTTP: '1' })).toMatchObject({ apiOrigin: TESTER, testHttpOrigin: TESTER });
    expect(log.mock.calls).toEqual([
      [`[${SCOPE}] WARNING: TV_ALLOW_HTTP=1: FOR TESTING ONLY, never ship or submit this package: it calls ${TESTER} over plain http, so tokens and the TV's identity cross the network unencrypted`],
    ]);
  });

  it('tells how to package for a TV when no origin is given', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    packageOptions(SCOPE, [], {});
    expect(log.mock.calls.join('\n')).toMatch(/for a TV, set TV_API_ORIGIN \(plain http to a test server also needs TV_ALLOW_HTTP=1\)$/);
  });

  it('takes https and this machine as they are, with or without TV_ALLOW_HTTP', () => {
    for (const origin of ['https://api.example.com', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787']) {
      for (const allow of [{}, { TV_ALLOW_HTTP: '1' }]) {
        const options = packageOptions(SCOPE, [], { TV_API_ORIGIN: origin, ...allow });
        expect(options.apiOrigin).toBe(origin);
        expect(options.testHttpOrigin).toBeUndefined();
      }
    }
    expect(packageOptions(SCOPE, [], {}).apiOrigin).toBe('http://127.0.0.1:8787');
  });
});

describe('packageOptions: where packages go', () => {
  it('packages dist/ into packages/ by default', () => {
    expect(packageOptions(SCOPE, [], {})).toMatchObject({ distDir: join(ROOT, 'dist'), outDir: join(ROOT, 'packages') });
  });

  it('keeps runs with their own TV_DIST_DIR apart: each stages and writes its packages beside its build', () => {
    expect(packageOptions(SCOPE, [], { TV_DIST_DIR: '/tmp/run-a/' })).toMatchObject({ distDir: '/tmp/run-a', outDir: '/tmp/run-a-packages' });
    expect(packageOptions(SCOPE, [], { TV_DIST_DIR: 'dist-b' })).toMatchObject({ distDir: resolve('dist-b'), outDir: `${resolve('dist-b')}-packages` });
  });

  it('names a package inside the repository by its relative path, any other by its full path', () => {
    expect(shownPath(join(ROOT, 'packages', 'tv-app.wgt'))).toBe(join('packages', 'tv-app.wgt'));
    expect(shownPath('/tmp/run-a-packages/tv-app.wgt')).toBe('/tmp/run-a-packages/tv-app.wgt');
    expect(shownPath(`${ROOT}-packages/tv-app.wgt`)).toBe(`${ROOT}-packages/tv-app.wgt`);
  });
});
