// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEVICE, envelope, json, useServer } from './test-support.js';

const t = useServer();
const deviceData = (mac: string, banStatus = 0) => ({ mac_address: mac, status: 1, ban_status: banStatus });

describe('GET /api/base/configs', () => {
  it('reports device_management 1 by default, in the seed envelope', async () => {
    const response = await t.fetch('/api/base/configs');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual(envelope(200, 'Success', { device_management: 1 }));
    expect(Object.keys(body)).toEqual(['status', 'timestamp', 'time', 'ip', 'message', 'data']);
    expect(Number.isInteger(body.timestamp)).toBe(true);
    expect(Math.abs(body.timestamp - Date.now() / 1000)).toBeLessThan(5);
  });

  it('reports 0 once the tester switches device management off', async () => {
    await t.admin('POST', 'settings', { device_management: 0 });
    const body = await json(t.fetch('/api/base/configs'));
    expect(body).toEqual(envelope(200, 'Success', { device_management: 0 }));
  });

  it('carries the flag as the string "1", or only at the top level, when the tester picks that form', async () => {
    await t.admin('POST', 'settings', { configsForm: 'string' });
    expect(await json(t.fetch('/api/base/configs'))).toEqual(envelope(200, 'Success', { device_management: '1' }));
    await t.admin('POST', 'settings', { configsForm: 'top-level', device_management: 0 });
    expect(await json(t.fetch('/api/base/configs'))).toEqual({ ...envelope(200, 'Success', []), device_management: 0 });
  });
});

describe('POST /api/device/add', () => {
  it('adds a device from a JSON body', async () => {
    const response = await t.post('/api/device/add', DEVICE);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(envelope(200, 'Success', deviceData('A1B2C3D4E5F6')));
    const { devices } = await t.admin('GET', 'state');
    expect(devices).toEqual([expect.objectContaining({ ...DEVICE, key: 'A1B2C3D4E5F6', banned: false, last_check_at: null, approved: false })]);
  });

  it('adds a device from a form body', async () => {
    const response = await t.postForm('/api/device/add', { ...DEVICE, mac_address: 'a1:b2:c3:d4:e5:f6' });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(envelope(200, 'Success', deviceData('a1:b2:c3:d4:e5:f6')));
  });

  it('upserts by normalised MAC and keeps only the six fields', async () => {
    await t.post('/api/device/add', DEVICE);
    const response = await t.post('/api/device/add', { ...DEVICE, mac_address: 'a1-b2-c3-d4-e5-f6', app_version: '1.1.0', extra: 'ignored' });
    expect(await json(response)).toEqual(envelope(200, 'Success', deviceData('a1-b2-c3-d4-e5-f6')));
    const { devices } = await t.admin('GET', 'state');
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ key: 'A1B2C3D4E5F6', mac_address: 'a1-b2-c3-d4-e5-f6', app_version: '1.1.0' });
    expect(devices[0]).not.toHaveProperty('extra');
  });

  it('keeps a ban across an update (ban_status 1)', async () => {
    await t.post('/api/device/add', DEVICE);
    await t.admin('POST', 'devices/A1B2C3D4E5F6/ban', {});
    const response = await t.post('/api/device/add', DEVICE);
    expect(await json(response)).toEqual(envelope(200, 'Success', deviceData('A1B2C3D4E5F6', 1)));
  });

  for (const field of Object.keys(DEVICE)) {
    it(`answers 400 missing_parameter when ${field} is missing or empty`, async () => {
      const { [field]: _left, ...without } = DEVICE as Record<string, string>;
      for (const body of [without, { ...DEVICE, [field]: '' }, { ...DEVICE, [field]: '  ' }]) {
        const response = await t.post('/api/device/add', body);
        expect(response.status).toBe(400);
        expect(await json(response)).toEqual(envelope(400, `The ${field} field is required.`, [], 'missing_parameter'));
      }
      expect((await t.admin('GET', 'state')).devices).toEqual([]);
    });
  }

  it('answers 400 missing_parameter for a non-string field', async () => {
    const response = await t.post('/api/device/add', { ...DEVICE, app_version: 2 });
    expect(await json(response)).toEqual(envelope(400, 'The app_version field is required.', [], 'missing_parameter'));
  });

  it('answers 400 invalid_body for broken JSON', async () => {
    const response = await t.fetch('/api/device/add', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"mac_address":' });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual(envelope(400, 'The request body must be JSON or form data with named fields.', [], 'invalid_body'));
  });

  it('still answers while device management is off (the app is the one that stops)', async () => {
    await t.admin('POST', 'settings', { device_management: 0 });
    expect((await t.post('/api/device/add', DEVICE)).status).toBe(200);
    expect((await t.post('/api/device/check', { mac_address: DEVICE.mac_address })).status).toBe(200);
  });
});

describe('POST /api/device/check', () => {
  it('answers 200 for a known device and records the check time', async () => {
    await t.post('/api/device/add', DEVICE);
    const before = Date.now();
    const response = await t.post('/api/device/check', { mac_address: 'A1:B2:C3:D4:E5:F6' });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(envelope(200, 'Success', deviceData('A1:B2:C3:D4:E5:F6')));
    const { devices } = await t.admin('GET', 'state');
    expect(Date.parse(devices[0].last_check_at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('accepts a form body', async () => {
    await t.post('/api/device/add', DEVICE);
    const response = await t.postForm('/api/device/check', { mac_address: DEVICE.mac_address });
    expect(await json(response)).toEqual(envelope(200, 'Success', deviceData(DEVICE.mac_address)));
  });

  it('answers 400 device_not_found for an unknown MAC', async () => {
    const response = await t.post('/api/device/check', { mac_address: '001122334455' });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual(envelope(400, 'Device not found', [], 'device_not_found'));
  });

  it('answers 400 device_banned with the default message', async () => {
    await t.post('/api/device/add', DEVICE);
    await t.admin('POST', 'devices/A1B2C3D4E5F6/ban');
    const response = await t.post('/api/device/check', { mac_address: DEVICE.mac_address });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual(envelope(400, 'Your device has been banned. Please contact support.', [], 'device_banned'));
  });

  it('answers 400 device_banned with the tester\'s message, and 200 again after unban', async () => {
    await t.post('/api/device/add', DEVICE);
    await t.admin('POST', 'devices/a1:b2:c3:d4:e5:f6/ban', { message: 'Banned <b>for</b> testing' });
    const banned = await t.post('/api/device/check', { mac_address: DEVICE.mac_address });
    expect(await json(banned)).toEqual(envelope(400, 'Banned <b>for</b> testing', [], 'device_banned'));
    expect((await t.admin('GET', 'state')).devices[0].last_check_at).not.toBeNull();
    await t.admin('POST', 'devices/A1B2C3D4E5F6/unban');
    const again = await t.post('/api/device/check', { mac_address: DEVICE.mac_address });
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(envelope(200, 'Success', deviceData(DEVICE.mac_address)));
  });

  it('answers 400 missing_parameter without a MAC', async () => {
    for (const body of [{}, { mac_address: '' }]) {
      const response = await t.post('/api/device/check', body);
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual(envelope(400, 'The mac_address field is required.', [], 'missing_parameter'));
    }
  });
});
