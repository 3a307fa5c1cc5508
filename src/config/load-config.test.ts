import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_LIMITS, DEFAULT_CONFIG } from './config';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads config.json next to the app and merges it over the defaults', async () => {
    const read = vi.fn(async () => JSON.stringify({ pingUrl: 'https://api.example.com/ping' }));
    const config = await loadConfig({ readText: read });
    expect(read).toHaveBeenCalledWith('config.json');
    expect(config.pingUrl).toBe('https://api.example.com/ping');
    expect(config.deviceApi).toEqual(DEFAULT_CONFIG.deviceApi);
  });

  it('uses the defaults with a warning when the file is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = await loadConfig({ readText: async () => Promise.reject(new Error('HTTP 404')) });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledWith('[tv-app:config]', expect.stringContaining('HTTP 404'));
  });

  it('uses the defaults when the file is broken JSON, without echoing its text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = await loadConfig({ readText: async () => '{"registerApi": {"token": "s3cret-token"' });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('s3cret-token');
  });

  it('logs one warning per wrong-typed key, and one for all unknown keys', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await loadConfig({ readText: async () => JSON.stringify({ checkIntervalSeconds: 'soon', bogus: true, other: 1, deviceApi: { extra: 1 } }) });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('uses the defaults when the file is larger than the limit, without parsing it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const huge = JSON.stringify({ pingUrl: '/ping', registerApi: { token: 'S3CR3T' }, padding: 'x'.repeat(CONFIG_LIMITS.textChars) });
    expect(await loadConfig({ readText: async () => huge })).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('[tv-app:config]', 'config.json is larger than 256 KB; using defaults');
    const atLimit = JSON.stringify({ pingUrl: '/ping' }).padEnd(CONFIG_LIMITS.textChars, ' ');
    expect((await loadConfig({ readText: async () => atLimit })).pingUrl).toBe('/ping');
  });

  it('refuses plain-HTTP API URLs to other hosts when HTTPS is required, with a clear error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const config = await loadConfig({
      requireHttps: true,
      readText: async () =>
        JSON.stringify({
          deviceApi: { baseUrl: 'http://api.example.com' },
          registerApi: { url: 'https://gate.example.com/api/v1/device_app_register/' },
          pingUrl: 'http://localhost:8787/api/ping',
        }),
    });
    expect(config.deviceApi.baseUrl).toBe(DEFAULT_CONFIG.deviceApi.baseUrl);
    expect(config.registerApi.url).toBe('https://gate.example.com/api/v1/device_app_register/');
    expect(config.pingUrl).toBe('http://localhost:8787/api/ping');
    expect(error).toHaveBeenCalledWith('[tv-app:config]', expect.stringContaining('deviceApi.baseUrl must use https://'));
  });

  it('ignores a URL that does not parse, with a warning naming the key but not the value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const requireHttps of [false, true]) {
      const config = await loadConfig({ requireHttps, readText: async () => JSON.stringify({ pingUrl: 'http://[bad-S3CR3T', deviceApi: { checkPath: 'https://api.example.com:99999/check' } }) });
      expect(config.pingUrl).toBe(DEFAULT_CONFIG.pingUrl);
      expect(config.deviceApi.checkPath).toBe(DEFAULT_CONFIG.deviceApi.checkPath);
    }
    expect(warn).toHaveBeenCalledWith('[tv-app:config]', expect.stringContaining('pingUrl is not a usable URL'));
    expect(warn).toHaveBeenCalledWith('[tv-app:config]', expect.stringContaining('deviceApi.checkPath is not a usable URL'));
    expect(JSON.stringify(warn.mock.calls)).not.toContain('S3CR3T');
  });

  it('ignores a scheme-relative URL, which a packaged app would send to file://', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = await loadConfig({
      requireHttps: true,
      pageHref: 'file:///opt/usr/apps/tv-app/index.html',
      readText: async () => JSON.stringify({ pingUrl: '//api.example.com/ping', registerApi: { url: 'https://api.example.com/register/' } }),
    });
    expect(config.pingUrl).toBe(DEFAULT_CONFIG.pingUrl);
    expect(config.registerApi.url).toBe('https://api.example.com/register/');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('[tv-app:config]', expect.stringContaining('pingUrl is not a usable URL'));
  });

  it('keeps plain-HTTP URLs in development builds', async () => {
    const config = await loadConfig({ requireHttps: false, readText: async () => JSON.stringify({ pingUrl: 'http://192.168.1.20/ping' }) });
    expect(config.pingUrl).toBe('http://192.168.1.20/ping');
  });
});
