// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEVICE, json, REGISTER_AUTH, REGISTRATION, USER_AUTH, useServer } from './test-support.js';

const t = useServer();
const BODY = { deviceId: DEVICE.mac_address, deviceType: 'web', deviceName: 'Living room TV', platformVersion: '6.5' };

async function magicLink(lifetimeSeconds?: number): Promise<string> {
  return (await t.admin('POST', 'magic-links', lifetimeSeconds === undefined ? {} : { lifetimeSeconds })).link;
}

const approve = (link: string, body: unknown = BODY, headers: Record<string, string> = USER_AUTH) =>
  t.post(`/devices/approve/${encodeURIComponent(link)}`, body, headers);

async function expectFailure(response: Response, status: number, message: string) {
  expect(response.status).toBe(status);
  expect(await json(response)).toEqual({ success: false, message });
}

describe('POST /devices/approve/<magic-link>', () => {
  it('200 for an added device: seed 004\'s body; the link is used and the device approved', async () => {
    await t.post('/api/device/add', DEVICE);
    const link = await magicLink();
    const response = await approve(link);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual({
      success: true,
      message: 'request processed successfully',
      data: 'permissions for device Living room TV approve successfully',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const state = await t.admin('GET', 'state');
    expect(state.devices[0].approved).toBe(true);
    expect(state.magicLinks[0].used_at).toEqual(expect.any(String));
    expect(state.approvals[0]).toMatchObject({ key: 'A1B2C3D4E5F6', deviceName: 'Living room TV', deviceType: 'web' });
  });

  it('200 for a device known only from a registration (mac_addr or device_id)', async () => {
    await t.post('/api/v1/device_app_register/', { ...REGISTRATION, device_id: 'tv-0042' }, REGISTER_AUTH);
    expect((await approve(await magicLink(), { deviceId: 'A1B2C3D4E5F6' })).status).toBe(200);
    const byDeviceId = await approve(await magicLink(), { deviceId: 'tv-0042' });
    expect(await json(byDeviceId)).toMatchObject({ success: true, data: 'permissions for device tv-0042 approve successfully' });
  });

  it('names the device by its id when its name is blank', async () => {
    await t.post('/api/device/add', DEVICE);
    const response = await approve(await magicLink(), { ...BODY, deviceName: '  ' });
    expect(await json(response)).toMatchObject({ success: true, data: 'permissions for device A1B2C3D4E5F6 approve successfully' });
  });

  it('decodes the URL-encoded link', async () => {
    await t.post('/api/device/add', DEVICE);
    const link = await magicLink();
    const encoded = [...link].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    const response = await t.post(`/devices/approve/${encoded}`, BODY, USER_AUTH);
    expect(response.status).toBe(200);
  });

  it('401 without the user token or with a wrong one', async () => {
    const link = await magicLink();
    await expectFailure(await approve(link, BODY, {}), 401, 'Bearer token missing or invalid');
    await expectFailure(await approve(link, BODY, { Authorization: 'Bearer nope' }), 401, 'Bearer token missing or invalid');
    await expectFailure(await approve(link, BODY, REGISTER_AUTH), 401, 'Bearer token missing or invalid');
  });

  it('400 for an unknown link, a malformed encoding and an empty link', async () => {
    await t.post('/api/device/add', DEVICE);
    await expectFailure(await approve('ml_unknown'), 400, 'Invalid or expired magic link');
    await expectFailure(await t.post('/devices/approve/%E0%A4%A', BODY, USER_AUTH), 400, 'Invalid or expired magic link');
    await expectFailure(await t.post('/devices/approve/', BODY, USER_AUTH), 400, 'Invalid or expired magic link');
  });

  it('400 for a link that was already used', async () => {
    await t.post('/api/device/add', DEVICE);
    const link = await magicLink();
    expect((await approve(link)).status).toBe(200);
    await expectFailure(await approve(link), 400, 'Invalid or expired magic link');
  });

  it('400 for an expired link', async () => {
    await t.post('/api/device/add', DEVICE);
    const created = await t.admin('POST', 'magic-links', { lifetimeSeconds: 0 });
    expect(Date.parse(created.expires_at)).toBeLessThanOrEqual(Date.now());
    await expectFailure(await approve(created.link), 400, 'Invalid or expired magic link');
    expect((await t.admin('GET', 'state')).magicLinks[0]).toMatchObject({ expired: true, used_at: null });
  });

  it('400 without deviceId or with a broken body; the link stays usable', async () => {
    await t.post('/api/device/add', DEVICE);
    const link = await magicLink();
    await expectFailure(await approve(link, { deviceName: 'x' }), 400, 'deviceId is required');
    const broken = await t.fetch(`/devices/approve/${link}`, { method: 'POST', headers: { ...USER_AUTH, 'Content-Type': 'application/json' }, body: '{' });
    await expectFailure(broken, 400, 'The request body must be a JSON object');
    expect((await approve(link)).status).toBe(200);
  });

  it('404 for a device that was never added or registered; the link stays usable', async () => {
    const link = await magicLink();
    await expectFailure(await approve(link), 404, 'Device not registered');
    await t.post('/api/device/add', DEVICE);
    expect((await approve(link)).status).toBe(200);
  });

  it('keeps the link out of the request log', async () => {
    const link = await magicLink();
    await approve(link);
    const { requests } = await t.admin('GET', 'requests');
    expect(requests[0]).toMatchObject({ endpoint: 'approve', path: `/devices/approve/…${link.slice(-4)}`, authorization: 'Bearer …oken', status: 404 });
    expect(JSON.stringify(requests)).not.toContain(link);
  });
});
