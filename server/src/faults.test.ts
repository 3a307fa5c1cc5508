// @vitest-environment node
import { performance as serverPerformance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVICE, envelope, json, REGISTER_AUTH, REGISTRATION, USER_AUTH, useServer } from './test-support.js';

// The server waits out a fault's delayMs with node:timers/promises and times the envelope with
// node:perf_hooks, neither of which vi.useFakeTimers reaches. Here the wait is on the global
// setTimeout and (in delayedRequest) the clock is the fake one, so a test can run a delay on it.
vi.mock('node:timers/promises', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:timers/promises')>()),
  setTimeout: <T>(delay?: number, value?: T) => new Promise<T | undefined>((resolve) => globalThis.setTimeout(resolve, delay, value)),
}));

const t = useServer();
const setFault = (endpoint: string, fault: unknown) => t.admin('POST', `faults/${endpoint}`, fault);
const check = () => t.post('/api/device/check', { mac_address: DEVICE.mac_address });
/** The endpoints the server has answered (or dropped), in order. */
const answered = async (): Promise<string[]> => (await t.admin<{ requests: Array<{ endpoint: string }> }>('GET', 'requests')).requests.map((request) => request.endpoint);

/**
 * Sends a request, on a fake clock, to an endpoint whose delay fault applies once, and returns
 * when the server has taken the fault: from then on only the fake clock decides when the answer
 * goes. The admin calls stay real I/O.
 */
async function delayedRequest(send: () => Promise<Response>): Promise<{ response: Promise<Response> }> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  const fakeClock = globalThis.performance;
  vi.spyOn(serverPerformance, 'now').mockImplementation(() => fakeClock.now());
  const response = send();
  // Polled by hand: vi.waitFor waits on the (now fake) setTimeout.
  for (let polls = 0; Object.keys((await t.admin('GET', 'state')).faults).length > 0; polls++) {
    if (polls === 500) throw new Error('the server never took the delay fault');
  }
  return { response };
}

describe('fault injection', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('status + html: an HTML error page with text/html', async () => {
    await setFault('configs', { status: 502, body: 'html' });
    const response = await t.fetch('/api/base/configs');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toMatch(/^<!DOCTYPE html>[\s\S]*502 Bad Gateway/);
  });

  it('an HTML page with status 200 (a captive portal)', async () => {
    await setFault('ping', { status: 200, body: 'html' });
    const response = await t.fetch('/api/ping');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html>');
  });

  it('truncated: a JSON prefix cut mid-way', async () => {
    await setFault('check', { status: 200, body: 'truncated' });
    const response = await check();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text.startsWith('{"status":200,')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('empty: no body at all', async () => {
    await setFault('add', { status: 200, body: 'empty' });
    const response = await t.post('/api/device/add', DEVICE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
  });

  it('status alone: a JSON error in the endpoint\'s own shape', async () => {
    await setFault('check', { status: 503 });
    expect(await json(check())).toEqual(envelope(503, 'Service Unavailable', [], 'service_unavailable'));
    await setFault('register', { status: 500 });
    const register = await t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH);
    expect(await json(register)).toEqual({ error: 'internal_server_error', detail: 'Internal Server Error' });
    await setFault('approve', { status: 500 });
    const approve = await t.post('/devices/approve/x', {}, USER_AUTH);
    expect(await json(approve)).toEqual({ success: false, message: 'Internal Server Error' });
  });

  it('errorCode: a seed envelope with that error_code (400 by default)', async () => {
    await setFault('check', { errorCode: 'device_banned' });
    const response = await check();
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual(envelope(400, 'Your device has been banned. Please contact support.', [], 'device_banned'));
    await setFault('add', { status: 200, errorCode: 'something_new' });
    expect(await json(t.post('/api/device/add', DEVICE))).toEqual(envelope(200, 'OK', [], 'something_new'));
  });

  it('retryAfter: sets Retry-After verbatim, seconds or an HTTP date', async () => {
    await setFault('register', { status: 429, retryAfter: '7' });
    const limited = await t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const date = 'Wed, 21 Oct 2037 07:28:00 GMT';
    await setFault('register', { status: 503, retryAfter: date });
    expect((await t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH)).headers.get('retry-after')).toBe(date);
  });

  it('refuses a retryAfter that no header can carry, instead of answering every request with a 500', async () => {
    const refused = await t.fetch('/admin/api/faults/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 503, retryAfter: '30 \u2014 soon' }),
    });
    expect(refused.status).toBe(400);
    expect((await json(refused)).detail).toBe('retryAfter must be seconds or an HTTP date: printable ASCII text, at most 100 characters');
    expect((await t.admin('GET', 'state')).faults).toEqual({});
    await t.post('/api/device/add', DEVICE);
    expect((await check()).status).toBe(200);
  });

  it('retryAfter alone decorates the real answer', async () => {
    await setFault('ping', { retryAfter: '3' });
    const response = await t.fetch('/api/ping');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ ok: true });
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it('delayMs delays the real answer', async () => {
    await setFault('ping', { delayMs: 120, times: 1 });
    const { response } = await delayedRequest(() => t.fetch('/api/ping'));
    await vi.advanceTimersByTimeAsync(119);
    expect(await answered()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answered()).toEqual(['ping']);
    expect(await json(response)).toEqual({ ok: true });
  });

  it('delayMs delays a faked answer; the envelope time includes the delay', async () => {
    await setFault('configs', { delayMs: 100, status: 500, times: 1 });
    const { response } = await delayedRequest(() => t.fetch('/api/base/configs'));
    await vi.advanceTimersByTimeAsync(99);
    expect(await answered()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answered()).toEqual(['configs']);
    const answer = await response;
    expect(answer.status).toBe(500);
    expect((await json(answer)).time).toBe(0.1);
  });

  it('drop: the connection closes without an answer, so fetch rejects', async () => {
    await setFault('check', { drop: true });
    await expect(check()).rejects.toThrow(TypeError);
    const { requests } = await t.admin('GET', 'requests');
    expect(requests.at(-1)).toMatchObject({ endpoint: 'check', status: null, fault: true });
  });

  it('times: applies to that many requests, then clears itself', async () => {
    await setFault('ping', { status: 503, times: 2 });
    expect((await t.admin('GET', 'state')).faults).toEqual({ ping: { status: 503, times: 2 } });
    expect((await t.fetch('/api/ping')).status).toBe(503);
    expect((await t.admin('GET', 'state')).faults).toEqual({ ping: { status: 503, times: 1 } });
    expect((await t.fetch('/api/ping')).status).toBe(503);
    expect((await t.admin('GET', 'state')).faults).toEqual({});
    expect((await t.fetch('/api/ping')).status).toBe(200);
  });

  it('faulted requests do not change state', async () => {
    await setFault('add', { status: 200, body: 'json', times: 1 });
    await t.post('/api/device/add', DEVICE);
    expect((await t.admin('GET', 'state')).devices).toEqual([]);
    await t.post('/api/device/add', DEVICE);
    await setFault('check', { drop: true, times: 1 });
    await expect(check()).rejects.toThrow();
    expect((await t.admin('GET', 'state')).devices[0].last_check_at).toBeNull();
    await setFault('register', { status: 201, body: 'empty', times: 1 });
    await t.post('/api/v1/device_app_register/', REGISTRATION, REGISTER_AUTH);
    expect((await t.admin('GET', 'state')).registrations).toEqual([]);
  });

  it('logs faulted requests with their status', async () => {
    await setFault('configs', { status: 502, body: 'html', times: 1 });
    await t.fetch('/api/base/configs');
    await t.fetch('/api/base/configs');
    const { requests } = await t.admin('GET', 'requests');
    expect(requests.map((r: { status: number; fault: boolean }) => [r.status, r.fault])).toEqual([[502, true], [200, false]]);
  });

  it('is cleared per endpoint or all at once', async () => {
    await setFault('ping', { status: 500 });
    await setFault('configs', { status: 500 });
    await t.admin('DELETE', 'faults/ping');
    expect(Object.keys((await t.admin('GET', 'state')).faults)).toEqual(['configs']);
    await t.admin('DELETE', 'faults');
    expect((await t.admin('GET', 'state')).faults).toEqual({});
    expect((await t.fetch('/api/base/configs')).status).toBe(200);
  });

  it('refuses invalid faults and unknown endpoints', async () => {
    const post = (path: string, body: unknown) =>
      t.fetch(`/admin/api/faults/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const cases: [string, unknown, number, string][] = [
      ['ping', { delay: 5 }, 400, 'unknown fault field "delay" (known: status, delayMs, body, drop, retryAfter, errorCode, times)'],
      ['ping', { status: 99 }, 400, 'status must be an integer from 200 to 599'],
      ['ping', { body: 'xml' }, 400, 'body must be one of json, html, truncated, empty'],
      ['ping', { times: 0 }, 400, 'times must be a positive integer'],
      ['ping', { times: 2 }, 400, 'a fault must set at least one of status, delayMs, body, drop, retryAfter, errorCode'],
      ['ping', [], 400, 'the body must be a JSON object'],
      ['nope', { status: 500 }, 404, 'no endpoint named "nope"'],
    ];
    for (const [endpoint, body, status, detail] of cases) {
      const response = await post(endpoint, body);
      expect(response.status).toBe(status);
      expect((await json(response)).detail).toBe(detail);
    }
    expect((await t.admin('GET', 'state')).faults).toEqual({});
  });
});
