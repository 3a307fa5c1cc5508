// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.js';
import { DEVICE, json, REGISTER_AUTH, REGISTRATION, useServer } from './test-support.js';

const t = useServer();

async function adminStatus(method: string, path: string, body?: unknown) {
  const response = await t.fetch(`/admin/api/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await json(response) };
}

describe('admin API', () => {
  it('GET state: settings, lists, faults and request counts', async () => {
    await t.fetch('/api/base/configs');
    await t.post('/api/device/add', DEVICE);
    expect(await t.admin('GET', 'state')).toEqual({
      settings: {
        device_management: 1,
        configsForm: 'number',
        registrationLifetimeSeconds: 15552000,
        apiRefreshInterval: 300,
        featureFlags: { new_dashboard: true, beta_features: false },
        rateLimit: 10,
      },
      devices: [expect.objectContaining({ mac_address: DEVICE.mac_address, approved: false })],
      registrations: [],
      magicLinks: [],
      approvals: [],
      faults: {},
      requestCounts: { configs: 1, add: 1 },
    });
  });

  it('POST settings validates every field and refuses unknown ones', async () => {
    expect(await t.admin('POST', 'settings', { device_management: 0, rateLimit: 0 })).toMatchObject({ settings: { device_management: 0, rateLimit: 0 } });
    for (const [body, detail] of [
      [{ device_management: 2 }, 'device_management must be 0 or 1'],
      [{ configsForm: 'nested' }, 'configsForm must be one of number, string, top-level'],
      [{ registrationLifetimeSeconds: -1 }, 'registrationLifetimeSeconds must be a whole number of seconds from 0 to 315360000 (10 years)'],
      [{ apiRefreshInterval: 'soon' }, 'apiRefreshInterval must be a whole number of seconds, 0 or more'],
      [{ featureFlags: [1] }, 'featureFlags must be a JSON object'],
      [{ rateLimit: 1.5 }, 'rateLimit must be a whole number, 0 or more (0 = no limit)'],
      [{ deviceManagement: 1 }, 'unknown setting "deviceManagement" (known: device_management, configsForm, registrationLifetimeSeconds, apiRefreshInterval, featureFlags, rateLimit)'],
    ] as const) {
      expect(await adminStatus('POST', 'settings', body)).toEqual({ status: 400, body: { error: 'invalid_request', detail } });
    }
    const broken = await t.fetch('/admin/api/settings', { method: 'POST', body: '{' });
    expect(broken.status).toBe(400);
  });

  it('ban, unban and delete answer 404 for unknown devices', async () => {
    for (const [method, path] of [['POST', 'devices/001122334455/ban'], ['POST', 'devices/001122334455/unban'], ['DELETE', 'devices/001122334455']]) {
      expect(await adminStatus(method!, path!)).toEqual({ status: 404, body: { error: 'not_found', detail: 'no such device' } });
    }
    await t.post('/api/device/add', DEVICE);
    expect(await adminStatus('POST', 'devices/A1B2C3D4E5F6/ban', { message: 5 })).toEqual({ status: 400, body: { error: 'invalid_request', detail: 'message must be a string' } });
  });

  it('ban returns the device; delete removes it (check then says not found)', async () => {
    await t.post('/api/device/add', DEVICE);
    const { device } = await t.admin('POST', 'devices/A1B2C3D4E5F6/ban', { message: 'Go away' });
    expect(device).toMatchObject({ banned: true, ban_message: 'Go away' });
    expect((await t.admin('POST', 'devices/A1B2C3D4E5F6/unban')).device).toMatchObject({ banned: false, ban_message: null });
    expect(await t.admin('DELETE', 'devices/A1B2C3D4E5F6')).toEqual({ ok: true });
    expect((await json(t.post('/api/device/check', { mac_address: DEVICE.mac_address }))).error_code).toBe('device_not_found');
  });

  it('POST magic-links: default lifetime 15 minutes, settable, validated', async () => {
    const made = await t.admin('POST', 'magic-links');
    expect(made).toEqual({ link: expect.stringMatching(/^ml_[0-9a-f]{24}$/), expires_at: expect.any(String) });
    expect(Date.parse(made.expires_at) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    const short = await t.admin('POST', 'magic-links', { lifetimeSeconds: 60 });
    expect(Date.parse(short.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 1000);
    expect((await adminStatus('POST', 'magic-links', { lifetimeSeconds: -5 })).status).toBe(400);
  });

  it('refuses lifetimes over 10 years, which would put expiry dates past what a Date can hold', async () => {
    const tooLong = await adminStatus('POST', 'settings', { registrationLifetimeSeconds: 1e14 });
    expect(tooLong).toEqual({
      status: 400,
      body: { error: 'invalid_request', detail: 'registrationLifetimeSeconds must be a whole number of seconds from 0 to 315360000 (10 years)' },
    });
    expect((await t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH)).status).toBe(201);
    await t.admin('POST', 'settings', { registrationLifetimeSeconds: 315360000 });
    const longest = await json(t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH));
    expect(Date.parse(longest.expires_at) - Date.parse(longest.registration_timestamp)).toBe(315360000 * 1000);

    expect(await adminStatus('POST', 'magic-links', { lifetimeSeconds: 1e20 })).toEqual({
      status: 400,
      body: { error: 'invalid_request', detail: 'lifetimeSeconds must be a number of seconds from 0 to 315360000 (10 years)' },
    });
    expect((await adminStatus('POST', 'magic-links', { lifetimeSeconds: 315360000 })).status).toBe(200);
  });

  it('POST reset clears everything', async () => {
    await t.post('/api/device/add', DEVICE);
    await t.admin('POST', 'settings', { device_management: 0 });
    await t.admin('POST', 'faults/ping', { status: 500 });
    await t.admin('POST', 'magic-links');
    expect(await t.admin('POST', 'reset')).toEqual({ ok: true });
    const state = await t.admin('GET', 'state');
    expect(state).toMatchObject({ devices: [], magicLinks: [], faults: {}, requestCounts: {}, settings: { device_management: 1 } });
    expect((await t.admin('GET', 'requests')).requests).toEqual([]);
  });

  it('GET requests: what the app sent, secrets redacted; DELETE requests clears it', async () => {
    await t.post('/api/v1/device_app_register/', { ...REGISTRATION, push_token: 'fcm-token-abcd1234', password: 'pw-1234567' }, REGISTER_AUTH);
    await t.postForm('/api/device/add', DEVICE);
    await t.fetch('/api/ping', { method: 'HEAD' });
    const { requests } = await t.admin('GET', 'requests');
    expect(requests).toEqual([
      {
        time: expect.any(String),
        endpoint: 'register',
        method: 'POST',
        path: '/api/v1/device_app_register/',
        status: 201,
        fault: false,
        authorization: 'Bearer …oken',
        body: { ...REGISTRATION, push_token: '…1234', password: '[redacted]' },
      },
      expect.objectContaining({ endpoint: 'add', status: 200, authorization: null, body: DEVICE }),
      expect.objectContaining({ endpoint: 'ping', method: 'HEAD', status: 204, body: null }),
    ]);
    expect(JSON.stringify(requests)).not.toContain('pw-1234567');
    expect(JSON.stringify(requests)).not.toContain('reference-register-token');
    await t.admin('DELETE', 'requests');
    expect((await t.admin('GET', 'requests')).requests).toEqual([]);
  });

  it('GET requests?last=N: only the newest N, as the page shows them (a busy log stays a small poll)', async () => {
    for (const path of ['/api/ping', '/api/ping', '/api/device/check']) await t.fetch(path, { method: path === '/api/ping' ? 'HEAD' : 'POST' });
    const { requests } = await t.admin('GET', 'requests?last=2');
    expect(requests.map((request: { endpoint: string }) => request.endpoint)).toEqual(['ping', 'check']);
    expect((await t.admin('GET', 'requests?last=0')).requests).toEqual([]);
    expect((await t.admin('GET', 'requests?last=many')).requests).toHaveLength(3);
  });

  it('logs unparseable bodies only by size', async () => {
    await t.fetch('/api/device/check', { method: 'POST', body: '{"password":"pw-secret",' });
    const { requests } = await t.admin('GET', 'requests');
    expect(requests[0].body).toBe('<unparseable body, 24 bytes>');
  });

  it('keeps the last 500 requests and counts them all', () => {
    const log = new RequestLog();
    const entry = { time: '', endpoint: 'ping', method: 'HEAD', path: '/api/ping', status: 204, fault: false, authorization: null } as const;
    for (let i = 0; i < 510; i += 1) log.add({ ...entry, body: i });
    expect(log.list()).toHaveLength(500);
    expect(log.list()[0]!.body).toBe(10);
    expect(log.counts()).toEqual({ ping: 510 });
  });

  it('does not log admin calls', async () => {
    await t.admin('GET', 'state');
    expect((await t.admin('GET', 'requests')).requests).toEqual([]);
  });
});

describe('GET /admin', () => {
  it('serves one self-contained HTML page that never inserts server text as HTML', async () => {
    for (const path of ['/admin', '/admin/']) {
      const response = await t.fetch(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const html = await response.text();
      expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/);
      expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(scripts).toHaveLength(1);
      expect(() => new Function(scripts[0]!)).not.toThrow();
      for (const endpoint of ['configs', 'add', 'check', 'register', 'approve', 'ping']) expect(scripts[0]).toContain(`"${endpoint}"`);
    }
  });
});
