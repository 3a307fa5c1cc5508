import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, DEFAULT_CONFIG } from './config';
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

  it('refuses a registerApi.deviceType outside seed 002\'s enum, which the server would answer with a 422 that stops registration', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, { registerApi: { deviceType: 'tv' } });
    expect(config.registerApi.deviceType).toBe('');
    expect(warnings).toEqual(['registerApi.deviceType must be one of "" (empty), de, la, tb, ph; using the default']);
    for (const deviceType of ['', 'de', 'la', 'tb', 'ph']) expect(mergeConfig(DEFAULT_CONFIG, { registerApi: { deviceType } }).warnings).toEqual([]);
  });

  it('refuses a blank appName, which would leave home untitled and ask "Exit ?"', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, { appName: '   ' });
    expect(config.appName).toBe(DEFAULT_CONFIG.appName);
    expect(warnings).toEqual(['appName must be a non-empty string; using the default']);
  });

  it('refuses a blank URL or path, which would point at the app\'s own page, but keeps a blank baseUrl and token, which mean own origin and off', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, {
      pingUrl: '',
      deviceApi: { baseUrl: '', checkPath: ' ' },
      registerApi: { url: '', token: '' },
      approveApi: { url: '  ' },
    });
    expect([config.pingUrl, config.deviceApi.checkPath, config.registerApi.url, config.approveApi.url]).toEqual([
      DEFAULT_CONFIG.pingUrl,
      DEFAULT_CONFIG.deviceApi.checkPath,
      DEFAULT_CONFIG.registerApi.url,
      DEFAULT_CONFIG.approveApi.url,
    ]);
    expect([config.deviceApi.baseUrl, config.registerApi.token]).toEqual(['', '']);
    expect(warnings).toEqual([
      'deviceApi.checkPath must be a non-empty string; using the default',
      'registerApi.url must be a non-empty string; using the default',
      'approveApi.url must be a non-empty string; using the default',
      'pingUrl must be a non-empty string; using the default',
    ]);
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

  it('refuses a string longer than the limit, naming the key only, and keeps the default', () => {
    const long = 'S3CR3T'.padEnd(CONFIG_LIMITS.stringChars + 1, 'x');
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, { appName: long, registerApi: { token: long } });
    expect(config.appName).toBe(DEFAULT_CONFIG.appName);
    expect(config.registerApi.token).toBe('');
    expect(warnings).toEqual([expect.stringContaining('appName'), expect.stringContaining('registerApi.token')]);
    expect(warnings.join('\n')).not.toContain('S3CR3T');
    const longest = 'x'.repeat(CONFIG_LIMITS.stringChars);
    expect(mergeConfig(DEFAULT_CONFIG, { appName: longest })).toEqual({ config: { ...DEFAULT_CONFIG, appName: longest }, warnings: [] });
  });

  it('reports all unknown keys in one warning: the count, a few names, each cut short', () => {
    const raw: Record<string, unknown> = { deviceApi: { extra: 1 } };
    for (let i = 0; i < 5000; i += 1) raw[`key${i}`] = i;
    raw['k'.repeat(100_000)] = 1;
    const { warnings } = mergeConfig(DEFAULT_CONFIG, raw);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('5002 unknown keys ignored');
    expect(warnings[0]).toContain('"deviceApi.extra"');
    expect(warnings[0]!.match(/"[^"]*"/g)).toHaveLength(CONFIG_LIMITS.unknownKeysNamed);
    expect(warnings[0]!.length).toBeLessThan(1000);
    const { warnings: [longName] } = mergeConfig(DEFAULT_CONFIG, { ['k'.repeat(100_000)]: 1 });
    expect(longName).toBe(`1 unknown key ignored: "${'k'.repeat(CONFIG_LIMITS.keyNameChars)}…"`);
  });

  it('quotes unknown key names, so a newline in one cannot forge a log line', () => {
    const { warnings } = mergeConfig(DEFAULT_CONFIG, { 'x\n[tv-app:device] banned': 1 });
    expect(warnings).toEqual(['1 unknown key ignored: "x\\n[tv-app:device] banned"']);
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

  it('names a misspelled secret key but never its value', () => {
    const { config, warnings } = mergeConfig(DEFAULT_CONFIG, { registerApi: { tokn: 'S3CR3T', pasword: { value: 'S3CR3T-2' } }, approveApi: { Token: 'S3CR3T-3' } });
    expect(config.registerApi.token).toBe('');
    expect(warnings.join('\n')).toMatch(/registerApi\.tokn.*registerApi\.pasword.*approveApi\.Token/);
    expect(warnings.join('\n')).not.toContain('S3CR3T');
  });
});
