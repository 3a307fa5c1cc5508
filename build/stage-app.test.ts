import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMetaCsp } from './csp.ts';
import { stageApp } from './stage-app.ts';

const CONFIG = {
  deviceApi: { baseUrl: '' },
  registerApi: { url: '/register/', token: 'secret-register-token' },
  approveApi: { url: '/approve/' },
  pingUrl: '/ping',
};

describe('stageApp', () => {
  let dir: string;
  let distDir: string;
  let stageDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stage-test-'));
    distDir = join(dir, 'dist');
    stageDir = join(dir, 'stage');
    mkdirSync(join(distDir, 'assets'), { recursive: true });
    writeFileSync(join(distDir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data: http: https:; connect-src 'self' http: https: ws:">`);
    writeFileSync(join(distDir, 'assets', 'app.js'), 'app();');
    writeFileSync(join(distDir, 'config.json'), JSON.stringify(CONFIG));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the build with absolute API URLs and a CSP that reaches only that API, and no remote image', () => {
    const staged = stageApp({ distDir, stageDir, apiOrigin: 'https://api.example.com' });
    expect(staged.origins).toEqual(['https://api.example.com']);
    expect(readFileSync(join(stageDir, 'assets', 'app.js'), 'utf8')).toBe('app();');
    expect(JSON.parse(readFileSync(join(stageDir, 'config.json'), 'utf8'))).toMatchObject({ pingUrl: 'https://api.example.com/ping' });
    expect(readMetaCsp(readFileSync(join(stageDir, 'index.html'), 'utf8'))).toBe("default-src 'self'; img-src 'self' data:; connect-src 'self' https://api.example.com");
    // The build itself is left as it was.
    expect(JSON.parse(readFileSync(join(distDir, 'config.json'), 'utf8'))).toEqual(CONFIG);
  });

  it('packages another config.json when given one, and clears what an earlier run left', () => {
    mkdirSync(stageDir);
    writeFileSync(join(stageDir, 'stale.js'), '');
    const production = join(dir, 'production.json');
    writeFileSync(production, JSON.stringify({ ...CONFIG, pingUrl: 'https://status.example.com/ping' }));
    const staged = stageApp({ distDir, stageDir, apiOrigin: 'https://api.example.com', configFile: production });
    expect(staged.origins.sort()).toEqual(['https://api.example.com', 'https://status.example.com']);
    expect(() => readFileSync(join(stageDir, 'stale.js'))).toThrow();
  });

  it('stages a test package for a plain-http API only from a build that accepts it (TV_ALLOW_HTTP=1)', () => {
    const tester = 'http://192.168.1.10:8787';
    expect(() => stageApp({ distDir, stageDir, apiOrigin: tester, testHttpOrigin: tester })).toThrow(
      `the build in ${distDir} refuses plain http to ${tester}: build it with TV_ALLOW_HTTP=1 TV_API_ORIGIN=${tester} in the environment`,
    );
    writeFileSync(join(distDir, 'assets', 'app.js'), `app("${tester}");`);
    const staged = stageApp({ distDir, stageDir, apiOrigin: tester, testHttpOrigin: tester });
    expect(staged.origins).toEqual([tester]);
    expect(JSON.parse(readFileSync(join(stageDir, 'config.json'), 'utf8'))).toMatchObject({ pingUrl: `${tester}/ping` });
  });

  describe('with the development config.json', () => {
    const stagedConfig = (): { registerApi: { token?: string }; approveApi: { token?: string } } => JSON.parse(readFileSync(join(stageDir, 'config.json'), 'utf8'));
    beforeEach(() => {
      writeFileSync(join(distDir, 'config.json'), readFileSync(new URL('../public/config.json', import.meta.url)));
    });

    it('leaves the reference server\'s tokens out of a package for a real (https) API, and says so', () => {
      const { notes } = stageApp({ distDir, stageDir, apiOrigin: 'https://api.example.com' });
      expect(stagedConfig().registerApi).not.toHaveProperty('token');
      expect(stagedConfig().approveApi).not.toHaveProperty('token');
      expect(notes).toEqual([
        "config.json: left out the reference server's development registerApi.token and approveApi.token, which https://api.example.com would refuse " +
          '(registration is off, approval needs the userToken launch parameter); set TV_PACKAGE_CONFIG to package a config.json with your own',
      ]);
    });

    it('keeps them for the reference server itself: on this machine, or a tester\'s over plain http', () => {
      for (const apiOrigin of ['http://127.0.0.1:8787', 'http://192.168.1.10:8787']) {
        writeFileSync(join(distDir, 'assets', 'app.js'), `app("${apiOrigin}");`);
        const { notes } = stageApp({ distDir, stageDir, apiOrigin, ...(apiOrigin.includes('192') ? { testHttpOrigin: apiOrigin } : {}) });
        expect(stagedConfig().registerApi.token, apiOrigin).toBe('reference-register-token');
        expect(stagedConfig().approveApi.token, apiOrigin).toBe('reference-user-token');
        expect(notes).toEqual([]);
      }
    });

    it('packages a config.json it is given as it is, tokens and all', () => {
      const given = join(dir, 'given.json');
      writeFileSync(given, readFileSync(join(distDir, 'config.json')));
      expect(stageApp({ distDir, stageDir, apiOrigin: 'https://api.example.com', configFile: given }).notes).toEqual([]);
      expect(stagedConfig().registerApi.token).toBe('reference-register-token');
    });
  });

  it('fails clearly without a build, and on broken JSON without echoing tokens', () => {
    expect(() => stageApp({ distDir: join(dir, 'missing'), stageDir, apiOrigin: 'https://api.example.com' })).toThrow(/run npm run build/);
    writeFileSync(join(distDir, 'config.json'), '{"registerApi": {"token": "secret-register-token"');
    expect(() => stageApp({ distDir, stageDir, apiOrigin: 'https://api.example.com' })).toThrow(/config\.json is not readable JSON \(invalid JSON\)$/);
  });
});
