import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type AppConfig } from './config';
import { insecureUrlKeys } from './secure-urls';

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
