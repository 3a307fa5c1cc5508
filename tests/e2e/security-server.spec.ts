import fc from 'fast-check';
import '../fast-check-setup';
import { expect, test } from './support/fixtures';

/**
 * The reference server faces whatever a broken or hostile client sends: every app-facing POST
 * answers a malformed or oversized body with a clear JSON 4xx (never a 5xx, never a hang), and
 * keeps serving afterwards.
 */
const REGISTER_TOKEN = 'reference-register-token';
const USER_TOKEN = 'reference-user-token';
const BODY_LIMIT = 64 * 1024;

const ENDPOINTS: Record<string, { path: string; headers?: Record<string, string> }> = {
  add: { path: 'api/device/add' },
  check: { path: 'api/device/check' },
  register: { path: 'api/v1/device_app_register/', headers: { authorization: `Bearer ${REGISTER_TOKEN}` } },
  approve: { path: 'devices/approve/ml_not_a_link', headers: { authorization: `Bearer ${USER_TOKEN}` } },
  settings: { path: 'admin/api/settings' },
};

const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString');
const jsonish = fc.jsonValue().map((value) => JSON.stringify(value));
/** Bodies no client should send: broken JSON, wrong shapes, polluting keys, binary junk, or too much. */
const badBody = fc.oneof(
  jsonish.map((text) => text.slice(0, Math.max(1, text.length - 1))),
  fc.constantFrom('{', '{"mac_address":', '[]', 'null', '"text"', '1e400', '{"mac_address": {"$gt": ""}}', '\u0000\u0001\u0002'),
  fc.tuple(pollutingKey, jsonish).map(([key, value]) => `{"${key}": ${value}, "mac_address": ${value}}`),
  fc.string({ unit: 'binary' }),
);
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', undefined);

async function post(base: string, endpoint: string, body: string, type: string | undefined): Promise<{ status: number; json: unknown }> {
  const { path, headers } = ENDPOINTS[endpoint]!;
  const response = await fetch(new URL(path, base), { method: 'POST', headers: { ...headers, ...(type ? { 'content-type': type } : {}) }, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/** A clear error names what went wrong in words: `message` (device, approval) or `detail` (registration, admin). */
function errorText(json: unknown): string {
  const body = (json ?? {}) as Record<string, unknown>;
  return String(body.message ?? body.detail ?? '');
}

test('malformed bodies get a clear JSON 4xx from every endpoint, never a server error', async ({ server }) => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...Object.keys(ENDPOINTS)), badBody, contentType, async (endpoint, body, type) => {
      const { status, json } = await post(server.url, endpoint, body, type);
      expect(status, `${endpoint} ← ${JSON.stringify(body.slice(0, 80))}`).toBeLessThan(500);
      if (status >= 400) expect(errorText(json), `${endpoint} explains a ${status}`).not.toBe('');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }),
    { numRuns: 300 },
  );
  const ping = await fetch(new URL('api/ping', server.url));
  expect(ping.status).toBe(200);
});

for (const endpoint of Object.keys(ENDPOINTS)) {
  test(`${endpoint}: a body over 64 KB is refused with 413 and the server keeps serving`, async ({ server }) => {
    const huge = JSON.stringify({ mac_address: 'A1B2C3D4E5F6', filler: 'x'.repeat(BODY_LIMIT) });
    const { status, json } = await post(server.url, endpoint, huge, 'application/json');
    expect(status).toBe(413);
    expect(errorText(json)).toMatch(/larger than/);
    const ping = await fetch(new URL('api/ping', server.url));
    expect(ping.status).toBe(200);
  });
}
