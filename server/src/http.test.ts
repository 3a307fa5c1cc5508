// @vitest-environment node
import { request } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { Store } from './state/store.js';
import { DEVICE, envelope, INSTALLATION, json, REGISTER_AUTH, useServer } from './test-support.js';

const t = useServer();

function expectCors(response: Response) {
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
  expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, DELETE, OPTIONS');
  expect(response.headers.get('access-control-expose-headers')).toBe('Date, Retry-After');
}

/** Sends a body in chunks without Content-Length, as a streaming client would. */
function postChunked(url: string, chunk: Buffer, chunks: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (part: string) => (body += part)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('CORS', () => {
  it('is on successes and errors, from a null origin too', async () => {
    expectCors(await t.fetch('/api/base/configs', { headers: { Origin: 'null' } }));
    expectCors(await t.post('/api/device/check', { mac_address: 'nope' }));
    expectCors(await t.post('/api/v1/device_app_register/', {}));
    expectCors(await t.fetch('/nowhere'));
    expectCors(await t.fetch('/api/ping', { method: 'PUT' }));
  });

  it('answers a preflight with 204 on every app-facing path', async () => {
    for (const path of ['/api/device/add', '/api/v1/device_app_register/', '/devices/approve/x', '/api/nowhere']) {
      const response = await t.fetch(path, {
        method: 'OPTIONS',
        headers: { Origin: 'null', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(response.status).toBe(204);
      expectCors(response);
      expect(await response.text()).toBe('');
    }
  });

  it('allows Private Network Access preflights', async () => {
    const response = await t.fetch('/api/ping', { method: 'OPTIONS', headers: { 'Access-Control-Request-Private-Network': 'true' } });
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
  });
});

describe('the admin page and API', () => {
  const EVIL = { Origin: 'https://evil.example' };

  function expectNoCors(response: Response) {
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  }

  it('refuse any other origin with 403, before anything changes (a text/plain POST needs no preflight)', async () => {
    const response = await t.fetch('/admin/api/settings', {
      method: 'POST',
      headers: { ...EVIL, 'Content-Type': 'text/plain' },
      body: '{"device_management":0}',
    });
    expect(response.status).toBe(403);
    expectNoCors(response);
    expect(await json(response)).toEqual({
      error: 'forbidden',
      detail: "The admin page and API answer only this server's own page, not https://evil.example",
    });
    expect((await t.admin('GET', 'state')).settings.device_management).toBe(1);
    for (const [method, path, origin] of [
      ['POST', '/admin/api/reset', 'null'],
      ['GET', '/admin/api/state', 'https://evil.example'],
      ['GET', '/admin', 'null'],
      ['GET', '/admin/api/nowhere', 'https://evil.example'],
      // Another port of the same host is another site.
      ['POST', '/admin/api/reset', t.url.replace(/:(\d+)$/, (_port, port: string) => `:${Number(port) + 1}`)],
    ]) {
      const refused = await t.fetch(path!, { method, headers: { Origin: origin! } });
      expect(refused.status, `${method} ${path} from ${origin}`).toBe(403);
      expectNoCors(refused);
    }
  });

  it('refuse a preflight from another origin and allow nothing, Private Network Access included', async () => {
    const headers = { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' };
    const refused = await t.fetch('/admin/api/settings', { method: 'OPTIONS', headers: { ...headers, ...EVIL } });
    expect(refused.status).toBe(403);
    expectNoCors(refused);
    const bare = await t.fetch('/admin/api/settings', { method: 'OPTIONS', headers });
    expect(bare.status).toBe(204);
    expectNoCors(bare);
  });

  it('answer the page itself and clients that send no Origin (curl, Node), without CORS headers', async () => {
    const own = await t.fetch('/admin/api/settings', {
      method: 'POST',
      headers: { Origin: t.url, 'Content-Type': 'application/json' },
      body: '{"device_management":0}',
    });
    expect(own.status).toBe(200);
    expectNoCors(own);
    expect((await t.admin('GET', 'state')).settings.device_management).toBe(0);
    for (const path of ['/admin', '/admin/api/state']) {
      const plain = await t.fetch(path);
      expect(plain.status).toBe(200);
      expectNoCors(plain);
    }
    const missing = await t.fetch('/admin/api/nowhere', { headers: { Origin: t.url } });
    expect(missing.status).toBe(404);
    expectNoCors(missing);
  });
});

describe('/api/ping', () => {
  it('HEAD → 204, GET → 200 {"ok":true}', async () => {
    const head = await t.fetch('/api/ping', { method: 'HEAD' });
    expect(head.status).toBe(204);
    expect(await head.text()).toBe('');
    const get = await t.fetch('/api/ping');
    expect(get.status).toBe(200);
    expect(await json(get)).toEqual({ ok: true });
  });

  it('other methods → 405 with Allow', async () => {
    const response = await t.fetch('/api/ping', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('HEAD, GET, OPTIONS');
    expect(await json(response)).toEqual({ error: 'method_not_allowed', detail: 'POST is not allowed here' });
  });
});

describe('routing errors', () => {
  it('404 JSON for unknown paths', async () => {
    const response = await t.fetch('/api/nothing?x=1');
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({ error: 'not_found', detail: 'Nothing at GET /api/nothing' });
    expect((await t.fetch('/devices/approve')).status).toBe(404);
  });

  it('405 in each backend\'s own error shape', async () => {
    const configs = await t.fetch('/api/base/configs', { method: 'POST' });
    expect(configs.status).toBe(405);
    expect(configs.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await json(configs)).toEqual(envelope(405, 'POST is not allowed here', [], 'method_not_allowed'));
    const add = await t.fetch('/api/device/add');
    expect(add.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await json(add)).toEqual(envelope(405, 'GET is not allowed here', [], 'method_not_allowed'));
    const approve = await t.fetch('/devices/approve/x', { method: 'DELETE' });
    expect(approve.status).toBe(405);
    expect(await json(approve)).toEqual({ success: false, message: 'DELETE is not allowed here' });
    const register = await t.fetch('/api/v1/device_app_register/');
    expect(await json(register)).toEqual({ error: 'method_not_allowed', detail: 'GET is not allowed here' });
  });

  it('HEAD works wherever GET does', async () => {
    const response = await t.fetch('/api/base/configs', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('413 for a body over 64 KB announced by Content-Length, without reading it', async () => {
    const response = await t.post('/api/device/add', { ...DEVICE, padding: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(await json(response)).toEqual(envelope(413, 'request body larger than 65536 bytes', [], 'payload_too_large'));
    expect((await t.admin('GET', 'state')).devices).toEqual([]);
  });

  it('413 for a streamed body that grows over 64 KB', async () => {
    const { status, body } = await postChunked(`${t.url}/api/v1/device_app_register/`, Buffer.alloc(16 * 1024, 0x20), 64);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({ error: 'payload_too_large', detail: 'request body larger than 65536 bytes' });
    // The server is still fine afterwards.
    expect((await t.fetch('/api/ping')).status).toBe(200);
  });

  it('accepts a body of exactly 64 KB', async () => {
    const padding = 'x'.repeat(64 * 1024 - JSON.stringify({ ...DEVICE, padding: '' }).length);
    const response = await t.post('/api/device/add', { ...DEVICE, padding });
    expect(response.status).toBe(200);
  });

  it('400 JSON for broken JSON on the JSON-only backend', async () => {
    const response = await t.fetch('/api/v1/device_app_register/', { method: 'POST', headers: REGISTER_AUTH, body: '{"a":' });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ error: 'invalid_body', detail: 'The body must be a JSON object' });
  });

  it('refuses JSON nested deeper than 32 levels with a 400 in the endpoint\'s shape, before anything is stored', async () => {
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    const register = (extra: string) =>
      t.fetch('/api/v1/device_app_register/', {
        method: 'POST',
        headers: { ...REGISTER_AUTH, 'Content-Type': 'application/json' },
        body: `{"generic_id":"g1","installation_id":"${INSTALLATION}","x":${extra}}`,
      });
    const tooDeep = await register(deep(8000));
    expect(tooDeep.status).toBe(400);
    expect(await json(tooDeep)).toEqual({ error: 'invalid_body', detail: 'The body must be a JSON object' });
    const state = await t.admin<{ registrations: unknown[] }>('GET', 'state');
    expect(state.registrations).toEqual([]);
    // As deep as a client may go is still a registration.
    expect((await register(deep(31))).status).toBe(201);
    expect((await t.admin<{ registrations: unknown[] }>('GET', 'state')).registrations).toHaveLength(1);
  });

  it('turns a thrown error into a 500 in the endpoint\'s shape and a log line, and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = vi.spyOn(Store.prototype, 'findDevice').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    try {
      const response = await t.post('/api/device/check', { mac_address: DEVICE.mac_address });
      expect(response.status).toBe(500);
      expectCors(response);
      expect(await json(response)).toEqual(envelope(500, 'Internal Server Error', [], 'internal_server_error'));
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('POST /api/device/check failed'), expect.stringContaining('boom'));
      expect((await t.post('/api/device/check', { mac_address: DEVICE.mac_address })).status).toBe(400);
    } finally {
      boom.mockRestore();
      errors.mockRestore();
    }
  });
});
