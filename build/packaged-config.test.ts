import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagedConfig, parseApiOrigin, REFERENCE_TOKENS, withoutReferenceTokens } from './packaged-config.ts';

const devConfig = {
  deviceApi: { baseUrl: '', configsPath: '/api/base/configs', addPath: '/api/device/add', checkPath: '/api/device/check' },
  registerApi: { url: '/api/v1/device_app_register/', token: 'secret-register-token' },
  approveApi: { url: '/devices/approve/', token: 'secret-user-token' },
  pingUrl: '/api/ping',
  checkIntervalSeconds: 300,
};

describe('packagedConfig', () => {
  it('makes every API URL absolute against the origin, since a package runs from file://', () => {
    const { config, origins } = packagedConfig(devConfig, 'https://api.example.com');
    expect(config).toMatchObject({
      deviceApi: { baseUrl: 'https://api.example.com', checkPath: '/api/device/check' },
      registerApi: { url: 'https://api.example.com/api/v1/device_app_register/', token: 'secret-register-token' },
      approveApi: { url: 'https://api.example.com/devices/approve/' },
      pingUrl: 'https://api.example.com/api/ping',
      checkIntervalSeconds: 300,
    });
    expect(origins).toEqual(['https://api.example.com']);
  });

  it('keeps URLs that are already absolute and lists their origins too', () => {
    const { config, origins } = packagedConfig(
      {
        ...devConfig,
        deviceApi: { ...devConfig.deviceApi, baseUrl: '/backend', checkPath: 'https://check.example.com/check' },
        registerApi: { url: 'https://register.example.com/v1/', token: '' },
      },
      'https://api.example.com',
    );
    expect(config['deviceApi']).toMatchObject({ baseUrl: 'https://api.example.com/backend' });
    expect(config['registerApi']).toMatchObject({ url: 'https://register.example.com/v1/' });
    expect(origins.sort()).toEqual(['https://api.example.com', 'https://check.example.com', 'https://register.example.com']);
  });

  it('leaves the input untouched', () => {
    const input = structuredClone(devConfig);
    packagedConfig(input, 'https://api.example.com');
    expect(input).toEqual(devConfig);
  });

  it('refuses a config without an API URL, naming the key', () => {
    const { pingUrl: _, ...withoutPing } = devConfig;
    expect(() => packagedConfig(withoutPing, 'https://api.example.com')).toThrow(/config\.json has no pingUrl/);
    expect(() => packagedConfig({ ...devConfig, approveApi: 'x' }, 'https://api.example.com')).toThrow(/approveApi\.url/);
    expect(() => packagedConfig([], 'https://api.example.com')).toThrow(/JSON object/);
    expect(() => packagedConfig({ ...devConfig, deviceApi: null }, 'https://api.example.com')).toThrow(/^config\.json has no deviceApi\.baseUrl: /);
  });
});

describe('parseApiOrigin', () => {
  it('accepts an http(s) origin, with or without a trailing slash or port', () => {
    expect(parseApiOrigin('https://api.example.com')).toBe('https://api.example.com');
    expect(parseApiOrigin('https://api.example.com/')).toBe('https://api.example.com');
    expect(parseApiOrigin('http://192.168.1.20:8787')).toBe('http://192.168.1.20:8787');
  });

  it('refuses anything that is not just an origin', () => {
    expect(() => parseApiOrigin('api.example.com')).toThrow(/not a URL/);
    expect(() => parseApiOrigin('ftp://api.example.com')).toThrow(/http: or https:/);
    expect(() => parseApiOrigin('https://api.example.com/v1')).toThrow(/origin only/);
    expect(() => parseApiOrigin('https://user:pw@api.example.com')).toThrow(/origin only/);
  });
});

describe('withoutReferenceTokens', () => {
  const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

  it('knows the tokens the development config.json and the reference server use', () => {
    const publicConfig = JSON.parse(read('../public/config.json')) as Record<string, { token?: string }>;
    const server = read('../server/src/api.ts');
    for (const [section, token] of REFERENCE_TOKENS) {
      expect(publicConfig[section]?.token).toBe(token);
      expect(server).toContain(`'${token}'`);
    }
  });

  it('leaves out exactly those tokens, and keeps any other', () => {
    const reference = { ...devConfig, registerApi: { ...devConfig.registerApi, token: 'reference-register-token' }, approveApi: { ...devConfig.approveApi, token: 'reference-user-token' } };
    const { config, leftOut } = withoutReferenceTokens(reference);
    expect(leftOut).toEqual(['registerApi.token', 'approveApi.token']);
    expect(config).toEqual({ ...devConfig, registerApi: { url: devConfig.registerApi.url }, approveApi: { url: devConfig.approveApi.url } });
    // The caller's object is left as it was.
    expect(reference.registerApi.token).toBe('reference-register-token');
    expect(withoutReferenceTokens(devConfig)).toEqual({ config: devConfig, leftOut: [] });
    expect(withoutReferenceTokens({ ...devConfig, approveApi: { url: '/a/', token: 'reference-user-token' } }).leftOut).toEqual(['approveApi.token']);
  });
});
