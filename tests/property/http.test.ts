import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestJson, resolveUrl, type FetchLike } from '../../src/net/http';
import { hostileString, PROPERTY_TIMEOUT_MS } from './hostile';

const parsesAsJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** A fetch that answers with this status and body text (the parts requestJson reads). */
const answering = (status: number, text: string): FetchLike => async () => ({ status, headers: new Headers(), text: async () => text }) as Response;

/** A fetch that never answers but, like the real one, gives up when its signal aborts. */
const silent: FetchLike = (_input, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))));

describe('requestJson under hostile answers', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  afterEach(() => vi.useRealTimers());

  it('any status and body: a response whose body is the parsed JSON or nothing, never an exception', async () => {
    const body = fc.oneof(hostileString, fc.jsonValue().map((value) => JSON.stringify(value)), fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100, max: 599 }), body, fc.constantFrom('GET' as const, 'POST' as const, 'HEAD' as const), async (status, text, method) => {
        const result = await requestJson('https://api.example.com/x', { method, timeoutMs: 5000 }, answering(status, text));
        expect(result.kind).toBe('response');
        if (result.kind !== 'response') return;
        expect(result.status).toBe(status);
        const expected = method === 'HEAD' || !text || !parsesAsJson(text) ? undefined : (JSON.parse(text) as unknown);
        expect(result.body).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('a fetch or a body read that fails in any way is a network failure, never a rejection', async () => {
    const failing: fc.Arbitrary<FetchLike> = fc.anything().chain((reason) =>
      fc.constantFrom<FetchLike>(
        () => Promise.reject(reason),
        () => {
          throw reason;
        },
        async () => ({ status: 200, headers: new Headers(), text: () => Promise.reject(reason) }) as Response,
      ),
    );
    await fc.assert(
      fc.asyncProperty(failing, async (fetchFn) => {
        await expect(requestJson('https://api.example.com/x', { method: 'POST', body: '{}', timeoutMs: 5000 }, fetchFn)).resolves.toEqual({ kind: 'failure', reason: 'network' });
      }),
    );
  });

  it('a server that never answers is a timeout after exactly the time allowed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 120_000 }), async (timeoutMs) => {
        vi.useFakeTimers();
        let settled = false;
        const pending = requestJson('https://api.example.com/x', { method: 'GET', timeoutMs }, silent).finally(() => (settled = true));
        await vi.advanceTimersByTimeAsync(timeoutMs - 1);
        expect(settled).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        await expect(pending).resolves.toEqual({ kind: 'failure', reason: 'timeout' });
        vi.useRealTimers();
      }),
      { numRuns: 50 },
    );
  });

  it('resolving any configured URL against any base never throws', () => {
    fc.assert(
      fc.property(hostileString, fc.oneof(fc.webUrl(), hostileString), (url, base) => {
        expect(typeof resolveUrl(url, base)).toBe('string');
      }),
    );
  });
});
