import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeApprovalLaunchFromUrl } from '../../src/approval/approval-launch';
import { approvalRequest, readApprovalAnswer, type ApprovalDevice } from '../../src/approval/approval-request';
import type { HttpResult } from '../../src/net/http';
import { expectPrototypesClean, hostileJson, hostileString, PROPERTY_TIMEOUT_MS } from './hostile';

const DEVICE: ApprovalDevice = { deviceId: 'A1B2C3D4E5F6', deviceName: 'Samsung QE55', deviceType: 'web', platformVersion: '1.0.0' };
const PAGE = 'https://tv.example/app/index.html';

/** A magic link as a viewer might type it or a launch might carry it: any text at all. */
const magicLink = fc.oneof(hostileString, fc.constantFrom('ml_0123abcd', 'a/b?c#d', '%2F..%2F', '../../admin/api/reset', ' spaced link ', '..', '.', '%2e%2e'));

/** False for text with a lone surrogate, which no URL can encode. */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

const approvalResult: fc.Arbitrary<HttpResult> = fc.oneof(
  fc.record({
    kind: fc.constant('response' as const),
    status: fc.oneof(fc.constantFrom(200, 400, 401, 404, 500), fc.integer({ min: 200, max: 599 })),
    headers: fc.constant(new Headers()),
    body: fc.oneof(hostileJson(['success', 'message', 'data', 'timestamp'], [true, false, 'request processed successfully']), fc.constant(undefined)),
  }),
  fc.record({ kind: fc.constant('failure' as const), reason: fc.constantFrom('network' as const, 'timeout' as const) }),
);


describe('approval under hostile input (CONTRACT §5)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('the link goes in the request path, encoded, as exactly one segment, and nowhere else', () => {
    fc.assert(
      fc.property(magicLink.filter((link) => link.trim() !== ''), fc.string({ minLength: 8 }), (link, token) => {
        const sent = approvalRequest(link, token, DEVICE, '/devices/approve/', PAGE);
        if (sent === undefined) {
          // Refused, so nothing goes anywhere: only for links no path segment can carry as themselves.
          expect(link === '.' || link === '..' || !isWellFormed(link), `refused ${JSON.stringify(link)}`).toBe(true);
          return;
        }
        const { url, request } = sent;
        const parsed = new URL(url);
        expect(parsed.origin).toBe('https://tv.example');
        expect(parsed.search).toBe('');
        expect(parsed.hash).toBe('');
        const prefix = '/devices/approve/';
        expect(parsed.pathname.startsWith(prefix), `path ${parsed.pathname} for link ${JSON.stringify(link)}`).toBe(true);
        const segment = parsed.pathname.slice(prefix.length);
        expect(segment.includes('/')).toBe(false);
        expect(decodeURIComponent(segment)).toBe(link);
        expect(request.body ?? '').not.toContain(link.length >= 4 ? link : '\u0000never');
      }),
      // A dot segment is resolved away by the URL parser: the POST (and the user's token) goes to /devices/.
      { numRuns: 500, examples: [['..', 'reference-user-token'], ['.', 'reference-user-token'], ['\uD800', 'reference-user-token']] },
    );
  });

  it('any answer maps to one of the documented results; only the server’s text, never its markup, is kept', () => {
    fc.assert(
      fc.property(approvalResult, (result) => {
        const answer = readApprovalAnswer(result);
        const status = result.kind === 'response' ? result.status : undefined;
        if (status === undefined) expect(answer.kind).toBe('unreachable');
        else if (status >= 200 && status < 300) {
          // Whatever else a 2xx carries, a refusal or a body that is no JSON object never reads as approved, and seed 004's success body always does.
          const body = result.kind === 'response' ? (result.body as Record<string, unknown> | undefined) : undefined;
          const refused = status !== 204 && (typeof body !== 'object' || body === null || Array.isArray(body) || body['success'] === false);
          if (refused) expect(answer).toEqual({ kind: 'failed', status });
          if (typeof body === 'object' && body !== null && body['success'] === true) expect(answer.kind).toBe('approved');
          expect(['approved', 'failed']).toContain(answer.kind);
        }
        else expect(answer.kind).toBe(status === 400 ? 'invalid-link' : status === 401 ? 'not-signed-in' : status === 404 ? 'not-registered' : 'failed');
        if (answer.kind === 'approved' && answer.message !== undefined) expect(typeof answer.message).toBe('string');
        expectPrototypesClean();
      }),
      { numRuns: 1000 },
    );
  });

  it('the launch URL loses its magic link and user token, whatever else it holds', () => {
    const query = fc.array(fc.tuple(fc.constantFrom('magicLink', 'userToken', 'emulate', '__proto__', 'x'), hostileString.filter((v) => v.length < 200)), { maxLength: 5 });
    fc.assert(
      fc.property(query, fc.constantFrom('', '#section', '#magicLink=x'), (pairs, hash) => {
        const search = new URLSearchParams(pairs).toString();
        let replaced: string | undefined;
        const launch = takeApprovalLaunchFromUrl({ href: `${PAGE}${search ? `?${search}` : ''}${hash}` }, { state: null, replaceState: (_state, _title, url) => void (replaced = String(url)) });
        const after = new URL(replaced ?? PAGE, PAGE);
        expect(after.searchParams.has('magicLink')).toBe(false);
        expect(after.searchParams.has('userToken')).toBe(false);
        const sentLink = pairs.find(([key]) => key === 'magicLink')?.[1].trim();
        expect(launch.magicLink).toBe(sentLink || undefined);
        if (pairs.some(([key]) => key === 'magicLink' || key === 'userToken')) expect(replaced).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});
