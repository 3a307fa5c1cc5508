import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { buildRegistrationBody } from './registration-body';

const TIZEN: DeviceIdentity = {
  mac: 'A1B2C3D4E5F6',
  macSource: 'platform',
  platform: 'tizen',
  osName: 'Tizen',
  osVersion: '6.0',
  firmware: 'T-KTMAKUC-1290.3',
  model: 'UE55TU8000',
  brand: 'Samsung',
  uniqueId: 'DUID-7Q3F',
  deviceType: 'TV',
};
const input = { identity: TIZEN, api: DEFAULT_CONFIG.registerApi, appName: 'tv-app', appVersion: '1.2.3', installationId: '6f1c1a52-8d0e-4d7a-9b3c-2a4e5f6a7b8c', deviceId: 'A1B2C3D4E5F6' };

describe('buildRegistrationBody', () => {
  it('sends the union of both seeds, with the MAC in colon form', () => {
    expect(buildRegistrationBody(input)).toEqual({
      mac_addr: 'A1:B2:C3:D4:E5:F6',
      generic_id: 'DUID-7Q3F',
      device_id: 'A1B2C3D4E5F6',
      installation_id: '6f1c1a52-8d0e-4d7a-9b3c-2a4e5f6a7b8c',
      app_name: 'tv-app',
      app_version: '1.2.3',
      platform: 'Tizen',
      os_family: 'Tizen',
      os_version: 'T-KTMAKUC-1290.3',
      os_api_version: '6.0',
      device_brand: 'Samsung',
      device_family: 'TV',
      device_model: 'UE55TU8000',
    });
  });

  it('leaves out what is unknown instead of sending empty strings', () => {
    const desktop: DeviceIdentity = { mac: '02AABBCCDDEE', macSource: 'generated', platform: 'desktop', osName: 'Linux', model: ' ', deviceType: 'Desktop' };
    const body = buildRegistrationBody({ ...input, identity: desktop });
    expect(Object.keys(body).sort()).toEqual(['app_name', 'app_version', 'device_family', 'device_id', 'installation_id', 'mac_addr', 'os_family', 'platform'].sort());
  });

  it('adds device_type and the account only when configured', () => {
    const api = { ...DEFAULT_CONFIG.registerApi, deviceType: 'de', username: 'john.doe', password: 'pw' };
    expect(buildRegistrationBody({ ...input, api })).toMatchObject({ device_type: 'de', username: 'john.doe', password: 'pw' });
  });

  it('sends the configured credentials exactly, spaces at the ends included', () => {
    const api = { ...DEFAULT_CONFIG.registerApi, username: 'john.doe', password: ' pass word ' };
    expect(buildRegistrationBody({ ...input, api })).toMatchObject({ username: 'john.doe', password: ' pass word ' });
  });
});
