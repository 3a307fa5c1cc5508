import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAN_MESSAGE_MAX_LENGTH, banMessage, readDeviceAnswer, readManagementFlag } from '../../src/device/device-outcome';
import type { HttpResult } from '../../src/net/http';
import { expectPrototypesClean, hostileJson, hostileString, PROPERTY_TIMEOUT_MS } from './hostile';

const DEVICE_KEYS = ['error_code', 'message', 'data', 'device_management', 'status', 'mac_address', 'ban_status'];
const DEVICE_VALUES = ['device_banned', 'device_not_found', 'maintenance', 1, '1', 0, '0', true, 'Success', ''];

/** Any answer the device API (or a proxy in front of it) can give, or no answer. */
const httpResult: fc.Arbitrary<HttpResult> = fc.oneof(
  fc.record({
    kind: fc.constant('response' as const),
    status: fc.oneof(fc.integer({ min: 200, max: 599 }), fc.constantFrom(200, 201, 204, 400, 404, 429, 500, 503)),
    headers: fc.constant(new Headers()),
    body: fc.oneof(hostileJson(DEVICE_KEYS, DEVICE_VALUES), fc.constant(undefined)),
  }),
  fc.record({ kind: fc.constant('failure' as const), reason: fc.constantFrom('network' as const, 'timeout' as const) }),
);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const is2xx = (result: HttpResult): boolean => result.kind === 'response' && result.status >= 200 && result.status < 300;

describe('device answers under hostile input (CONTRACT §2)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('reads any answer without throwing, and only device_banned ever bans', () => {
    fc.assert(
      fc.property(httpResult, (result) => {
        const answer = readDeviceAnswer(result);
        const body = result.kind === 'response' ? result.body : undefined;
        const code = isObject(body) ? body.error_code : undefined;
        expect(answer.kind === 'banned').toBe(code === 'device_banned');
        expect(answer.kind === 'not-found').toBe(code === 'device_not_found');
        // Success clears a ban: it needs a 2xx JSON object without an error code, never an HTML page or a broken body.
        if (answer.kind === 'success') expect(is2xx(result) && isObject(body) && (code === undefined || code === null || code === '')).toBe(true);
        if (answer.kind === 'banned') {
          expect(typeof answer.message).toBe('string');
          expect(answer.message.trim()).not.toBe('');
          expect(answer.message.length).toBeLessThanOrEqual(BAN_MESSAGE_MAX_LENGTH);
        }
        expectPrototypesClean();
      }),
      { numRuns: 1000 },
    );
  });

  it('the ban message is always plain, bounded text: the server’s own when it sent one', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileJson()), (raw) => {
        const message = banMessage(raw);
        expect(typeof message).toBe('string');
        expect(message.length).toBeGreaterThan(0);
        expect(message.length).toBeLessThanOrEqual(BAN_MESSAGE_MAX_LENGTH);
        if (typeof raw === 'string' && raw.trim() && raw.trim().length <= BAN_MESSAGE_MAX_LENGTH) expect(message).toBe(raw.trim());
      }),
    );
  });

  it('device management is on only for 1 or "1" in a 2xx JSON answer, data first; anything else keeps what was known', () => {
    fc.assert(
      fc.property(httpResult, (result) => {
        const flag = readManagementFlag(result);
        if (!is2xx(result) || result.kind !== 'response' || !isObject(result.body)) {
          expect(flag).toBeUndefined();
          return;
        }
        const { body } = result;
        const data = isObject(body.data) ? body.data : {};
        const value = Object.prototype.hasOwnProperty.call(data, 'device_management') ? data.device_management : body.device_management;
        expect(flag).toBe(value === undefined ? undefined : value === 1 || value === '1');
      }),
      { numRuns: 1000 },
    );
  });
});
