import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { mergeConfig } from './merge-config';

describe('mergeConfig', () => {
  it('returns the defaults for an empty object, as a copy', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, {});
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config.deviceApi).not.toBe(DEFAULT_CONFIG.deviceApi);
    expect(warnings).toEqual([]);
  });

  it('deep-merges nested keys and keeps the defaults beside them', () => {
    const { config } = mergeConfig(DEFAULT_CONFIG, {
      deviceApi: { baseUrl: 'https://api.example.com', macFormat: 'colon' },
      registerApi: { token: 'abc' },
      checkIntervalSeconds: 60,
    });
    expect(config.deviceApi).toEqual({ ...DEFAULT_CONFIG.deviceApi, baseUrl: 'https://api.example.com', macFormat: 'colon' });
    expect(config.registerApi.token).toBe('abc');
    expect(config.registerApi.url).toBe(DEFAULT_CONFIG.registerApi.url);
    expect(config.checkIntervalSeconds).toBe(60);
  });

  it('replaces values of the wrong type with defaults and names the key', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, { pingUrl: 42, checkIntervalSeconds: '300', deviceApi: 'x' });
    expect(config.pingUrl).toBe(DEFAULT_CONFIG.pingUrl);
    expect(config.checkIntervalSeconds).toBe(300);
    expect(config.deviceApi).toEqual(DEFAULT_CONFIG.deviceApi);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('pingUrl'), expect.stringContaining('checkIntervalSeconds'), expect.stringContaining('deviceApi')]));
  });

  it('rejects values outside the allowed sets', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, { deviceApi: { bodyEncoding: 'xml', macFormat: 'dashes' } });
    expect(config.deviceApi.bodyEncoding).toBe('json');
    expect(config.deviceApi.macFormat).toBe('plain');
    expect(warnings).toHaveLength(2);
  });

  it('clamps the check interval and refuses non-finite numbers', () => {
    expect(mergeConfig(DEFAULT_CONFIG, { checkIntervalSeconds: 1 }).config.checkIntervalSeconds).toBe(10);
    expect(mergeConfig(DEFAULT_CONFIG, { checkIntervalSeconds: 1e9 }).config.checkIntervalSeconds).toBe(86_400);
    expect(mergeConfig(DEFAULT_CONFIG, JSON.parse('{"checkIntervalSeconds": 1e400}')).config.checkIntervalSeconds).toBe(300);
  });

  it('ignores unknown and prototype-polluting keys', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "deviceApi": {"__proto__": {"polluted": true}}, "extra": 1}');
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((config as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((config.deviceApi as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('extra')]));
  });

  it('falls back to defaults when the file is not an object', () => {
    for (const raw of [null, [], 'text', 7]) {
      const { config, warnings } = mergeConfig(DEFAULT_CONFIG, raw);
      expect(config).toEqual(DEFAULT_CONFIG);
      expect(warnings).toHaveLength(1);
    }
  });

  it('never quotes a value in a warning, since values may be secrets', () => {
    const { warnings } = mergeConfig(DEFAULT_CONFIG, { registerApi: { token: 12345678, password: ['hunter2'] } });
    expect(warnings.join('\n')).not.toMatch(/12345678|hunter2/);
  });
});
