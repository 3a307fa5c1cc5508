import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type AppConfig } from './config';
import { insecureUrlKeys, unusableUrlKeys } from './secure-urls';

const withUrls = (patch: Partial<Pick<AppConfig, 'pingUrl'>> & { baseUrl?: string; approve?: string }): AppConfig => ({
  ...DEFAULT_CONFIG,
  pingUrl: patch.pingUrl ?? DEFAULT_CONFIG.pingUrl,
  deviceApi: { ...DEFAULT_CONFIG.deviceApi, baseUrl: patch.baseUrl ?? '' },
  approveApi: { ...DEFAULT_CONFIG.approveApi, url: patch.approve ?? DEFAULT_CONFIG.approveApi.url },
});

describe('insecureUrlKeys', () => {
  it('accepts relative paths and HTTPS', () => {
    expect(insecureUrlKeys(withUrls({ baseUrl: 'https://api.example.com/v2' }))).toEqual([]);
  });

  it('accepts plain HTTP to this machine only', () => {
    for (const url of ['http://localhost:8787', 'http://127.0.0.1/api', 'HTTP://[::1]:80', 'http://user@localhost:1/']) {
      expect(insecureUrlKeys(withUrls({ baseUrl: url }))).toEqual([]);
    }
  });

  it('names every plain-HTTP URL to another host', () => {
    const keys = insecureUrlKeys(withUrls({ baseUrl: 'http://api.example.com', pingUrl: 'http://localhost.evil.com/ping', approve: ' http://10.0.0.2/approve/' }));
    expect(keys).toEqual(['deviceApi.baseUrl', 'approveApi.url', 'pingUrl']);
  });
});

describe('insecureUrlKeys in a test package (TV_ALLOW_HTTP=1)', () => {
  const TESTER = 'http://192.168.1.10:8787';
  const onTester = withUrls({ baseUrl: TESTER, pingUrl: `${TESTER}/api/ping`, approve: `${TESTER}/devices/approve/` });

  it('accepts plain HTTP to the one origin baked in', () => {
    expect(insecureUrlKeys(onTester, TESTER)).toEqual([]);
    expect(insecureUrlKeys(withUrls({ pingUrl: 'http://192.168.1.10:8787/' }), TESTER)).toEqual([]);
    expect(insecureUrlKeys(withUrls({ pingUrl: 'http://tester.lan:80/ping' }), 'http://tester.lan')).toEqual([]);
  });

  it('refuses every other plain-HTTP origin, even on the same host', () => {
    for (const url of ['http://192.168.1.10:8788', 'http://192.168.1.10', 'http://192.168.1.11:8787', 'ftp://192.168.1.10:8787']) {
      expect(insecureUrlKeys(withUrls({ baseUrl: url }), TESTER), url).toEqual(['deviceApi.baseUrl']);
    }
  });

  it('refuses that origin too in a build without it, as npm run build makes', () => {
    expect(insecureUrlKeys(onTester, '')).toEqual(['deviceApi.baseUrl', 'approveApi.url', 'pingUrl']);
    expect(insecureUrlKeys(onTester)).toEqual(['deviceApi.baseUrl', 'approveApi.url', 'pingUrl']);
  });
});

describe('insecureUrlKeys, as the browser parses URLs', () => {
  it('sees plain HTTP however it is spelled', () => {
    for (const url of ['http:\\\\api.example.com/', 'http:api.example.com', 'ht\ttp://api.example.com/', 'http://evil.example\\@localhost/ping', 'ftp://api.example.com/']) {
      expect(insecureUrlKeys(withUrls({ pingUrl: url })), url).toEqual(['pingUrl']);
    }
  });

  it('judges device paths against the base they are sent to', () => {
    const config = withUrls({ baseUrl: 'https://api.example.com/v2' });
    expect(insecureUrlKeys({ ...config, deviceApi: { ...config.deviceApi, checkPath: 'http://api.example.com/check' } })).toEqual(['deviceApi.checkPath']);
    expect(insecureUrlKeys({ ...config, deviceApi: { ...config.deviceApi, checkPath: '/check' } })).toEqual([]);
  });
});

describe('unusableUrlKeys', () => {
  const PAGE = 'https://tv.example/app/index.html';
  const PACKAGED = 'file:///opt/usr/apps/tv-app/index.html';

  it('refuses a baseUrl that names a host without a scheme, and any URL whose scheme is not HTTP(S)', () => {
    for (const baseUrl of ['api.example.com', 'api.example.com/v1', 'localhost:8787', 'ftp://api.example.com']) {
      expect(unusableUrlKeys(withUrls({ baseUrl }), PAGE), baseUrl).toEqual(['deviceApi.baseUrl']);
    }
    expect(unusableUrlKeys(withUrls({ pingUrl: 'localhost:8787/ping' }), PAGE)).toEqual(['pingUrl']);
    expect(unusableUrlKeys(withUrls({ baseUrl: 'HTTPS://api.example.com/v1' }), PAGE)).toEqual([]);
    // Paths on the app's own origin stay what they were: relative to index.html's folder or to the root.
    for (const baseUrl of ['/api', './api', '../api', 'api/v1', 'v1.2/api']) {
      expect(unusableUrlKeys(withUrls({ baseUrl }), PAGE), baseUrl).toEqual([]);
    }
  });

  it('accepts relative paths, absolute URLs and an empty or blank baseUrl, on the web and in a packaged app', () => {
    for (const page of [PAGE, PACKAGED]) {
      expect(unusableUrlKeys(DEFAULT_CONFIG, page), page).toEqual([]);
      expect(unusableUrlKeys(withUrls({ baseUrl: ' ', pingUrl: 'https://api.example.com/ping', approve: 'http://localhost:8787/approve/' }), page), page).toEqual([]);
      expect(unusableUrlKeys(withUrls({ baseUrl: '/backend', pingUrl: 'ping' }), page), page).toEqual([]);
    }
  });

  it('names every URL that does not parse', () => {
    const keys = unusableUrlKeys(withUrls({ baseUrl: 'https://[bad', pingUrl: 'http://[bad', approve: 'https://api.example.com:99999/' }), PAGE);
    expect(keys).toEqual(['deviceApi.baseUrl', 'approveApi.url', 'pingUrl']);
  });

  it('names scheme-relative URLs however they are spelled, since they take the page\'s scheme (file:// in a packaged app)', () => {
    for (const url of ['//api.example.com/ping', ' //api.example.com', '\\\\api.example.com/ping', '/\\api.example.com', '\t//api.example.com', '/\t/api.example.com']) {
      expect(unusableUrlKeys(withUrls({ pingUrl: url }), PACKAGED), JSON.stringify(url)).toEqual(['pingUrl']);
      expect(unusableUrlKeys(withUrls({ baseUrl: url }), PAGE), JSON.stringify(url)).toEqual(['deviceApi.baseUrl']);
    }
  });

  it('judges device paths against the base they are sent to, or the page when that base is refused', () => {
    const config = withUrls({ baseUrl: 'https://api.example.com/v2' });
    expect(unusableUrlKeys({ ...config, deviceApi: { ...config.deviceApi, addPath: 'http://[bad', configsPath: '//cdn.example.com/configs' } }, PAGE)).toEqual(['deviceApi.configsPath', 'deviceApi.addPath']);
    const refusedBase = withUrls({ baseUrl: 'http://[bad' });
    expect(unusableUrlKeys(refusedBase, PAGE)).toEqual(['deviceApi.baseUrl']);
  });
});
