// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { INSTALLATION, json, OTHER_INSTALLATION, REGISTER_AUTH, REGISTRATION, useServer } from './test-support.js';

const t = useServer();
const PATH = '/api/v1/device_app_register/';
const register = (body: unknown, headers: Record<string, string> = REGISTER_AUTH) => t.post(PATH, body, headers);

async function expectError(response: Response, status: number, error: string, detail?: string) {
  expect(response.status).toBe(status);
  expect(await json(response)).toEqual({ error, detail: detail ?? expect.any(String) });
}

describe('POST /api/v1/device_app_register/: 201', () => {
  it('answers exactly seed 003\'s body', async () => {
    const response = await register({ ...REGISTRATION, push_token: 'fcm-token-abc' });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toEqual({
      registration_id: expect.stringMatching(/^reg_[0-9a-f]+$/),
      status: 'registered',
      app_config: { api_refresh_interval: 300, push_enabled: true, feature_flags: { new_dashboard: true, beta_features: false } },
      device_token: expect.stringMatching(/^device_token_[0-9a-f]+$/),
      registration_timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(Object.keys(body)).toEqual(['registration_id', 'status', 'app_config', 'device_token', 'registration_timestamp', 'expires_at']);
    expect(Date.parse(body.expires_at) - Date.parse(body.registration_timestamp)).toBe(180 * 24 * 3600 * 1000);
    expect(Math.abs(Date.parse(body.registration_timestamp) - Date.now())).toBeLessThan(5000);
  });

  it('accepts the path without the trailing slash; push_enabled follows the push token', async () => {
    const response = await t.post('/api/v1/device_app_register', REGISTRATION, REGISTER_AUTH);
    expect(response.status).toBe(201);
    expect((await json(response)).app_config.push_enabled).toBe(false);
  });

  it('uses the tester\'s lifetime, refresh interval and feature flags', async () => {
    await t.admin('POST', 'settings', { registrationLifetimeSeconds: 3600, apiRefreshInterval: 90, featureFlags: { x: 1 } });
    const body = await json(register(REGISTRATION));
    expect(Date.parse(body.expires_at) - Date.parse(body.registration_timestamp)).toBe(3600 * 1000);
    expect(body.app_config).toEqual({ api_refresh_interval: 90, push_enabled: false, feature_flags: { x: 1 } });
  });

  it('renews for the same installation: 201 with a fresh registration that replaces the old one', async () => {
    const first = await json(register(REGISTRATION));
    const second = await register(REGISTRATION);
    expect(second.status).toBe(201);
    const renewed = await json(second);
    expect(renewed.registration_id).not.toBe(first.registration_id);
    expect(renewed.device_token).not.toBe(first.device_token);
    const { registrations } = await t.admin('GET', 'state');
    expect(registrations.map((r: { registration_id: string }) => r.registration_id)).toEqual([renewed.registration_id]);
  });

  it('lets another installation register once the old registration has expired', async () => {
    await t.admin('POST', 'settings', { registrationLifetimeSeconds: 0 });
    await register(REGISTRATION);
    const response = await register({ ...REGISTRATION, installation_id: OTHER_INSTALLATION });
    expect(response.status).toBe(201);
  });

  it('never stores, shows or logs the password', async () => {
    const response = await register({ ...REGISTRATION, username: 'john', password: 'hunter2-secret' });
    expect(response.status).toBe(201);
    const token = (await json(response)).device_token as string;
    const state = await t.admin('GET', 'state');
    const stateText = JSON.stringify(state);
    expect(stateText).not.toContain('hunter2');
    expect(stateText).not.toContain('password');
    expect(stateText).not.toContain(token);
    expect(state.registrations[0]).toMatchObject({
      installation_id: INSTALLATION,
      mac_addr: REGISTRATION.mac_addr,
      device_token_tail: `…${token.slice(-4)}`,
      request: expect.objectContaining({ username: 'john', app_version: '1.0.0' }),
    });
    const { requests } = await t.admin('GET', 'requests');
    expect(JSON.stringify(requests)).not.toContain('hunter2');
    expect(requests.at(-1)).toMatchObject({ endpoint: 'register', status: 201, authorization: 'Bearer …oken', body: { password: '[redacted]', username: 'john' } });
  });
});

describe('POST /api/v1/device_app_register/: errors', () => {
  it('401 without a token or with a wrong one', async () => {
    await expectError(await register(REGISTRATION, {}), 401, 'invalid_token', 'Invalid or missing authentication token');
    await expectError(await register(REGISTRATION, { Authorization: 'Bearer wrong' }), 401, 'invalid_token', 'Invalid or missing authentication token');
    await expectError(await register(REGISTRATION, { Authorization: 'reference-register-token' }), 401, 'invalid_token');
  });

  it('400 for a body that is not a JSON object', async () => {
    const post = (body: string) => t.fetch(PATH, { method: 'POST', headers: { ...REGISTER_AUTH, 'Content-Type': 'application/json' }, body });
    await expectError(await post('{"mac_addr":'), 400, 'invalid_body', 'The body must be a JSON object');
    await expectError(await post('[1,2]'), 400, 'invalid_body');
    await expectError(await post(''), 400, 'invalid_body');
    await expectError(await t.postForm(PATH, { mac_addr: REGISTRATION.mac_addr }, REGISTER_AUTH), 400, 'invalid_body');
  });

  it('400 without any identifier', async () => {
    const { mac_addr: _m, generic_id: _g, installation_id: _i, ...anonymous } = REGISTRATION;
    await expectError(await register(anonymous), 400, 'invalid_request', 'at least one identifier is required: mac_addr, generic_id, device_id, installation_id, imei');
    await expectError(await register({ ...anonymous, device_id: '' }), 400, 'invalid_request');
  });

  it('400 for a field of the wrong type', async () => {
    await expectError(await register({ ...REGISTRATION, os_api_version: 34 }), 400, 'invalid_request', 'os_api_version must be a string');
  });

  it.each([
    [{ device_type: 'tv' }, 'device_type must be one of de, la, tb, ph'],
    [{ mac_addr: 'A1B2C3D4E5F6' }, 'mac_addr must be a MAC address in colon form, like 00:1B:44:11:3A:B7'],
    [{ installation_id: 'not-a-uuid' }, 'installation_id must be a UUID'],
    [{ app_version: '' }, 'app_version must not be empty'],
    [{ imei: '12345' }, 'imei must be 15 digits'],
  ])('422 for %o', async (patch, detail) => {
    await expectError(await register({ ...REGISTRATION, ...patch }), 422, 'validation_failed', detail);
    expect((await t.admin('GET', 'state')).registrations).toEqual([]);
  });

  it('accepts each allowed device_type', async () => {
    for (const device_type of ['de', 'la', 'tb', 'ph']) {
      expect((await register({ ...REGISTRATION, device_type })).status).toBe(201);
    }
  });

  it('409 when the same TV registers under another installation (a reinstall)', async () => {
    await register(REGISTRATION);
    const conflict = 'This device is already registered under another installation';
    await expectError(await register({ ...REGISTRATION, installation_id: OTHER_INSTALLATION }), 409, 'already_registered', conflict);
    // Matched by MAC alone (any spelling), by generic_id alone and by device_id alone.
    await expectError(await register({ mac_addr: 'a1:b2:c3:d4:e5:f6', installation_id: OTHER_INSTALLATION }), 409, 'already_registered');
    await expectError(await register({ generic_id: REGISTRATION.generic_id, installation_id: OTHER_INSTALLATION }), 409, 'already_registered');
    await register({ device_id: 'dev-1', installation_id: INSTALLATION });
    await expectError(await register({ device_id: 'DEV-1', installation_id: OTHER_INSTALLATION }), 409, 'already_registered');
    // The device_id registration renewed INSTALLATION's, so only it remains.
    expect((await t.admin('GET', 'state')).registrations).toEqual([expect.objectContaining({ device_id: 'dev-1', installation_id: INSTALLATION })]);
  });

  it('409 for a second installation with the same IMEI (seed 002: "duplicate IMEI/MAC address")', async () => {
    const imei = '123456789012345';
    expect((await register({ imei, installation_id: INSTALLATION })).status).toBe(201);
    await expectError(await register({ imei, installation_id: OTHER_INSTALLATION }), 409, 'already_registered');
    expect((await register({ imei: '123456789012346', installation_id: OTHER_INSTALLATION })).status).toBe(201);
  });

  it('429 after rateLimit registrations a minute from one client, with Retry-After', async () => {
    await t.admin('POST', 'settings', { rateLimit: 3 });
    for (let i = 0; i < 3; i += 1) expect((await register(REGISTRATION)).status).toBe(201);
    const limited = await register(REGISTRATION);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    await expectError(limited, 429, 'rate_limited', 'More than 3 registrations per minute from this client');
    await t.admin('POST', 'settings', { rateLimit: 0 });
    expect((await register(REGISTRATION)).status).toBe(201);
  });

  it('429 at the default limit of 10', async () => {
    for (let i = 0; i < 10; i += 1) expect((await register(REGISTRATION)).status).toBe(201);
    expect((await register(REGISTRATION)).status).toBe(429);
  });
});
