import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type DeviceApiConfig } from '../config/config';
import type { HttpRequest, HttpResult } from '../net/http';
import { DeviceApi, deviceUrl } from './device-api';
import { buildDeviceFields, encodeBody, sameDeviceFields, UNKNOWN_VALUE } from './device-fields';
import type { DeviceIdentity } from './device-identity';
import { TEST_FIELDS } from './test-support';

const PAGE = 'http://192.168.1.20:5173/app/index.html';

describe('deviceUrl', () => {
  it('keeps a path prefix in baseUrl', () => {
    expect(deviceUrl('https://api.example.com/v2', '/api/device/add', PAGE)).toBe('https://api.example.com/v2/api/device/add');
    expect(deviceUrl('https://api.example.com/v2/', 'api/device/add', PAGE)).toBe('https://api.example.com/v2/api/device/add');
  });

  it('resolves against the page when baseUrl is empty', () => {
    expect(deviceUrl('', '/api/device/check', PAGE)).toBe('http://192.168.1.20:5173/api/device/check');
    expect(deviceUrl('', 'api/device/check', PAGE)).toBe('http://192.168.1.20:5173/app/api/device/check');
  });

  it('treats a blank baseUrl as empty, not as the page itself', () => {
    for (const blank of [' ', '\t', ' \n ']) {
      expect(deviceUrl(blank, '/api/device/check', PAGE), JSON.stringify(blank)).toBe('http://192.168.1.20:5173/api/device/check');
    }
  });

  it('resolves a relative baseUrl against the page and lets an absolute path win', () => {
    expect(deviceUrl('/backend', '/api/base/configs', PAGE)).toBe('http://192.168.1.20:5173/backend/api/base/configs');
    expect(deviceUrl('https://api.example.com', 'https://other.example.com/configs', PAGE)).toBe('https://other.example.com/configs');
  });
});

const identity: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'tizen', osName: 'Tizen', firmware: 'T-1290.3', deviceType: 'TV' };

describe('buildDeviceFields', () => {
  it('sends the six fields, the MAC per macFormat', () => {
    expect(buildDeviceFields(identity, { name: 'tv-app', version: '1.0.0' }, 'colon')).toEqual({
      mac_address: 'A1:B2:C3:D4:E5:F6',
      device_os: 'Tizen',
      device_version: 'T-1290.3',
      device_type: 'TV',
      app_version: '1.0.0',
      app_name: 'tv-app',
    });
  });

  it('never sends an empty field: firmware falls back to the OS version, then to "unknown"', () => {
    expect(buildDeviceFields({ ...identity, firmware: undefined, osVersion: '6.0' }, { name: 'tv-app', version: '1.0.0' }, 'plain').device_version).toBe('6.0');
    const fields = buildDeviceFields({ ...identity, firmware: ' ', osName: '' }, { name: '', version: '1.0.0' }, 'plain');
    expect(fields.device_version).toBe(UNKNOWN_VALUE);
    expect(fields.device_os).toBe(UNKNOWN_VALUE);
    expect(fields.app_name).toBe(UNKNOWN_VALUE);
  });

  it('does not throw on a firmware that is not text, and falls back as for a missing one', () => {
    const numeric = { ...identity, firmware: 1300, osVersion: '7.0' } as unknown as DeviceIdentity;
    expect(buildDeviceFields(numeric, { name: 'tv-app', version: '1.0.0' }, 'plain').device_version).toBe('7.0');
  });
});

describe('sameDeviceFields', () => {
  it('notices any changed field, and anything unreadable from storage', () => {
    expect(sameDeviceFields({ ...TEST_FIELDS }, TEST_FIELDS)).toBe(true);
    expect(sameDeviceFields({ ...TEST_FIELDS, device_version: 'T-1300.1' }, TEST_FIELDS)).toBe(false);
    expect(sameDeviceFields(undefined, TEST_FIELDS)).toBe(false);
    expect(sameDeviceFields('A1B2C3D4E5F6', TEST_FIELDS)).toBe(false);
  });
});

describe('encodeBody', () => {
  it('encodes JSON or form data', () => {
    expect(encodeBody({ mac_address: 'A1:B2' }, 'json')).toEqual({ body: '{"mac_address":"A1:B2"}', contentType: 'application/json' });
    expect(encodeBody({ mac_address: 'A1:B2', app_name: 'my app' }, 'form')).toEqual({ body: 'mac_address=A1%3AB2&app_name=my+app', contentType: 'application/x-www-form-urlencoded' });
  });
});

describe('DeviceApi', () => {
  const config: DeviceApiConfig = { ...DEFAULT_CONFIG.deviceApi, baseUrl: 'https://api.example.com/v2', bodyEncoding: 'form' };
  const ok: HttpResult = { kind: 'response', status: 200, headers: new Headers(), body: { data: { device_management: 1 } } };

  it('sends configs, add and check where the config says, encoded as it says', async () => {
    const request = vi.fn(async (_url: string, _init: HttpRequest): Promise<HttpResult> => ok);
    const api = new DeviceApi(config, TEST_FIELDS, PAGE, request);
    expect(await api.managementEnabled()).toBe(true);
    expect(await api.add()).toEqual({ kind: 'success' });
    expect(await api.check()).toEqual({ kind: 'success' });
    expect(request.mock.calls.map(([url, init]) => [url, init.method, init.body])).toEqual([
      ['https://api.example.com/v2/api/base/configs', 'GET', undefined],
      ['https://api.example.com/v2/api/device/add', 'POST', new URLSearchParams({ ...TEST_FIELDS }).toString()],
      ['https://api.example.com/v2/api/device/check', 'POST', 'mac_address=A1B2C3D4E5F6'],
    ]);
    expect(request.mock.calls[1][1].headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(request.mock.calls.every(([, init]) => init.timeoutMs > 0)).toBe(true);
  });
});
