import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads config.json next to the app and merges it over the defaults', async () => {
    const read = vi.fn(async () => JSON.stringify({ pingUrl: 'https://api.example.com/ping' }));
    const config = await loadConfig(read);
    expect(read).toHaveBeenCalledWith('config.json');
    expect(config.pingUrl).toBe('https://api.example.com/ping');
    expect(config.deviceApi).toEqual(DEFAULT_CONFIG.deviceApi);
  });

  it('uses the defaults with a warning when the file is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = await loadConfig(async () => Promise.reject(new Error('HTTP 404')));
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledWith('[tv-app:config]', expect.stringContaining('HTTP 404'));
  });

  it('uses the defaults when the file is broken JSON, without echoing its text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = await loadConfig(async () => '{"registerApi": {"token": "s3cret-token"');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('s3cret-token');
  });

  it('logs one warning per ignored key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await loadConfig(async () => JSON.stringify({ checkIntervalSeconds: 'soon', bogus: true }));
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
