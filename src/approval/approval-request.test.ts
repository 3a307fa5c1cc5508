import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type AppConfig } from '../config/config';
import type { DeviceIdentity } from '../device/device-identity';
import { response } from '../registration/test-support';
import { approvalRequest, describeApprovalDevice, readApprovalAnswer } from './approval-request';

const TV: DeviceIdentity = { mac: 'A1B2C3D4E5F6', macSource: 'platform', platform: 'webos', osName: 'webOS', brand: 'LG', model: 'OLED55C1', deviceType: 'TV' };
const colon: AppConfig = { ...DEFAULT_CONFIG, deviceApi: { ...DEFAULT_CONFIG.deviceApi, macFormat: 'colon' } };

describe('describeApprovalDevice', () => {
  it('names the TV by brand and model, identified as device management identifies it', () => {
    expect(describeApprovalDevice(TV, DEFAULT_CONFIG, '1.2.3')).toEqual({ deviceId: 'A1B2C3D4E5F6', deviceName: 'LG OLED55C1', deviceType: 'web', platformVersion: '1.2.3' });
    expect(describeApprovalDevice(TV, colon, '1.2.3').deviceId).toBe('A1:B2:C3:D4:E5:F6');
  });

  it('falls back to the platform when the TV gives no brand or model', () => {
    expect(describeApprovalDevice({ ...TV, brand: undefined, model: undefined }, DEFAULT_CONFIG, '1').deviceName).toBe('webOS TV');
    expect(describeApprovalDevice({ ...TV, platform: 'desktop', osName: 'Linux', brand: undefined, model: undefined, deviceType: 'Desktop' }, DEFAULT_CONFIG, '1').deviceName).toBe('Linux browser');
  });
});

describe('approvalRequest', () => {
  it('puts the encoded link in the path only, with the user token as Bearer', () => {
    const device = describeApprovalDevice(TV, DEFAULT_CONFIG, '1.2.3');
    const { url, request } = approvalRequest('ml/a b?c', 'user-tok', device, '/devices/approve/', 'http://tv.example/app/index.html')!;
    expect(url).toBe('http://tv.example/devices/approve/ml%2Fa%20b%3Fc');
    expect(request.headers).toEqual({ Authorization: 'Bearer user-tok', 'Content-Type': 'application/json' });
    expect(JSON.parse(request.body!)).toEqual({ deviceId: 'A1B2C3D4E5F6', deviceType: 'web', deviceName: 'LG OLED55C1', platformVersion: '1.2.3' });
    expect(request.body).not.toContain('ml/a b');
  });

  it('refuses a link the path cannot carry as itself, instead of posting the token elsewhere', () => {
    const device = describeApprovalDevice(TV, DEFAULT_CONFIG, '1.2.3');
    for (const link of ['.', '..', '', '   ', 'ml_\uD800']) {
      expect(approvalRequest(link, 'user-tok', device, '/devices/approve/', 'http://tv.example/app/index.html'), JSON.stringify(link)).toBeUndefined();
    }
    expect(approvalRequest('...', 'user-tok', device, '/devices/approve/', 'http://tv.example/app/index.html')?.url).toBe('http://tv.example/devices/approve/...');
    expect(approvalRequest('%2e', 'user-tok', device, '/devices/approve/', 'http://tv.example/app/index.html')?.url).toBe('http://tv.example/devices/approve/%252e');
  });
});

describe('readApprovalAnswer', () => {
  it('reads each documented answer', () => {
    expect(readApprovalAnswer(response(200, { success: true, data: 'permissions for device LG OLED55C1 approve successfully' }))).toEqual({
      kind: 'approved',
      message: 'permissions for device LG OLED55C1 approve successfully',
    });
    expect(readApprovalAnswer(response(200, { success: true, data: { nested: 1 } }))).toEqual({ kind: 'approved', message: undefined });
    expect(readApprovalAnswer(response(400, { success: false }))).toEqual({ kind: 'invalid-link' });
    expect(readApprovalAnswer(response(401))).toEqual({ kind: 'not-signed-in' });
    expect(readApprovalAnswer(response(404))).toEqual({ kind: 'not-registered' });
    expect(readApprovalAnswer(response(502))).toEqual({ kind: 'failed', status: 502 });
    expect(readApprovalAnswer({ kind: 'failure', reason: 'timeout' })).toEqual({ kind: 'unreachable' });
  });

  it('approves only a 2xx whose body is a JSON object that does not say it failed', () => {
    // A captive portal's page, an empty or cut-short body (all read as undefined), a refusal with a 200, and other non-objects.
    for (const body of [undefined, { success: false, message: 'OK' }, { success: 'false' }, { success: 0 }, { success: null }, [], 'approved', true]) {
      expect(readApprovalAnswer(response(200, body)), JSON.stringify(body)).toEqual({ kind: 'failed', status: 200 });
    }
    // The seed's flag spelled as text or a number, and a 204's "done" without a body, are approvals.
    for (const body of [{ success: 'true' }, { success: 1 }]) expect(readApprovalAnswer(response(200, body)).kind, JSON.stringify(body)).toBe('approved');
    expect(readApprovalAnswer(response(204))).toEqual({ kind: 'approved', message: undefined });
    // Seed 004's body without its flag is still an approval: calling it a failure could not be undone.
    expect(readApprovalAnswer(response(200, { data: 'permissions approved' }))).toEqual({ kind: 'approved', message: 'permissions approved' });
    expect(readApprovalAnswer(response(201, {}))).toEqual({ kind: 'approved', message: undefined });
  });
});
