import { describe, expect, it } from 'vitest';
import { requestJson, type FetchLike } from './http';

/**
 * A fetch that, like engines before Chromium 119 (every TV target), follows a 307 from the API to
 * another origin with the request's own headers, Authorization included.
 */
function redirectingToAnotherOrigin(received: Array<Record<string, string>>): FetchLike {
  return async (_input, init) => {
    if (init?.redirect === 'error') throw new TypeError('Failed to fetch');
    received.push({ ...(init?.headers as Record<string, string>) });
    return { status: 200, headers: new Headers(), text: async () => '{}' } as Response;
  };
}

describe('requestJson', () => {
  it('never lets a Bearer token follow a redirect: the redirect is a network failure instead', async () => {
    const received: Array<Record<string, string>> = [];
    const result = await requestJson('https://api.example.com/api/v1/device_app_register/', { method: 'POST', headers: { Authorization: 'Bearer secret' }, body: '{}', timeoutMs: 5000 }, redirectingToAnotherOrigin(received));
    expect(result).toEqual({ kind: 'failure', reason: 'network' });
    expect(received).toEqual([]);
  });

  it('follows redirects for requests without credentials (the ping, device management)', async () => {
    const received: Array<Record<string, string>> = [];
    const result = await requestJson('https://api.example.com/api/ping', { method: 'GET', timeoutMs: 5000 }, redirectingToAnotherOrigin(received));
    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(received).toHaveLength(1);
  });
});
