import { describe, expect, it, vi } from 'vitest';
import { requestJson, type FetchLike, type HttpRequest, type HttpResult } from '../net/http';
import { createPing } from './ping';

const answer = (status: number): HttpResult => ({ kind: 'response', status, headers: new Headers(), body: undefined });
const PAGE = 'http://tv.example';

describe('createPing', () => {
  it('sends one bounded HEAD and counts any HTTP answer as online', async () => {
    for (const status of [204, 404, 500]) {
      const request = vi.fn(async (_url: string, _init: HttpRequest) => answer(status));
      expect(await createPing('http://tv.example/api/ping', request, PAGE)()).toBe(true);
      expect(request).toHaveBeenCalledTimes(1);
      expect(request.mock.calls[0][0]).toBe('http://tv.example/api/ping');
      expect(request.mock.calls[0][1].method).toBe('HEAD');
      expect(request.mock.calls[0][1].timeoutMs).toBeLessThanOrEqual(5000);
    }
  });

  it('asks with GET where HEAD is refused', async () => {
    const request = vi.fn(async (_url: string, init: HttpRequest) => (init.method === 'HEAD' ? answer(405) : answer(200)));
    expect(await createPing('http://tv.example/api/ping', request, PAGE)()).toBe(true);
    expect(request.mock.calls.map(([, init]) => init.method)).toEqual(['HEAD', 'GET']);
  });

  it('is offline when nothing answers', async () => {
    const failing = async (): Promise<HttpResult> => ({ kind: 'failure', reason: 'timeout' });
    expect(await createPing('http://tv.example/api/ping', failing, PAGE)()).toBe(false);
    const refusedThenSilent = vi.fn(async (_url: string, init: HttpRequest): Promise<HttpResult> => (init.method === 'HEAD' ? answer(501) : { kind: 'failure', reason: 'network' }));
    expect(await createPing('http://tv.example/api/ping', refusedThenSilent, PAGE)()).toBe(false);
  });

  it('asks another origin in no-cors mode, where an opaque answer still means online', async () => {
    const request = vi.fn(async (_url: string, _init: HttpRequest) => answer(0));
    expect(await createPing('https://api.example.com/ping', request, 'file://')()).toBe(true);
    expect(await createPing('https://api.example.com/ping', request, PAGE)()).toBe(true);
    expect(await createPing('http://tv.example/api/ping', request, PAGE)()).toBe(true);
    expect(request.mock.calls.map(([, init]) => init.mode)).toEqual(['no-cors', 'no-cors', 'cors']);
    expect(request).toHaveBeenCalledTimes(3);
  });

  it('bypasses the HTTP cache for HEAD and GET, so a cached answer never makes an offline TV look online', async () => {
    const inits: RequestInit[] = [];
    const fetchFn = vi.fn<FetchLike>(async (_input, init) => {
      inits.push(init ?? {});
      return new Response(null, { status: init?.method === 'HEAD' ? 405 : 200 });
    });
    const ping = createPing('http://tv.example/api/ping', (url, request) => requestJson(url, request, fetchFn), PAGE);
    expect(await ping()).toBe(true);
    expect(inits.map((init) => [init.method, init.cache])).toEqual([
      ['HEAD', 'no-store'],
      ['GET', 'no-store'],
    ]);
  });
});
