import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../../src/net/http';
import { BACKOFF, backoffDelayMs, backoffWindowMs } from '../../src/registration/backoff';
import { renewalDueServerMs } from '../../src/registration/expiry';
import { AppConfigFeatureFlags } from '../../src/registration/feature-flags';
import { planNextAttempt } from '../../src/registration/next-attempt';
import { readFeatureFlags } from '../../src/registration/read-feature-flags';
import { refreshIntervalSeconds } from '../../src/registration/refresh-interval';
import { applyAnswer } from '../../src/registration/registration-answer';
import { EMPTY_RECORD, readRecord, type RegistrationRecord } from '../../src/registration/registration-record';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../src/registration/retry-after';
import { retryAfterMs as contractRetryAfterMs } from '../soak/invariants';
import { expectPrototypesClean, hostileJson, hostileString, POLLUTING_KEYS, PROPERTY_TIMEOUT_MS } from './hostile';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FINGERPRINT = 'fp';
const REGISTER_KEYS = ['registration_id', 'device_token', 'app_config', 'expires_at', 'registration_timestamp', 'feature_flags', 'api_refresh_interval', 'status'];
const REGISTER_VALUES = ['reg_1', 'device_token_abcdef', '2024-01-15T10:30:00Z', '2099-07-15T10:30:00Z', 'Wed, 21 Oct 2015 07:28:00 GMT', 300, 0, -5, 1e12];
/**
 * Retry-After as RFC 9110 defines it: delta-seconds or an IMF-fixdate. Only these bind the app;
 * V8's `Date.parse` also reads junk such as "0!" or "-5" as a year 2000-ish date.
 */
const RFC_RETRY_AFTER = /^\s*(\d+|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)\s*$/;
const RECORD_KEYS = ['registration', 'appConfig', 'serverOffsetMs', 'failures', 'wait', 'stopped', 'unauthorized', 'lastOutcome', 'untilServerMs', 'lengthMs', 'retryAfter', 'fingerprint', 'status', 'registrationId', 'deviceToken'];

/** Header values a server, proxy or broken clock can send: seconds, dates, and junk. */
const headerValue = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.constantFrom('0', '-5', '1.5', ' 120 ', '99999999999999999999', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'tomorrow', '2024-13-45'),
  fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
  hostileString,
);

function headers(entries: Array<[string, string]>): Headers {
  const result = new Headers();
  for (const [name, value] of entries) {
    try {
      result.set(name, value);
    } catch {
      // Not a legal header value: a real response could not carry it either.
    }
  }
  return result;
}

const registerResult: fc.Arbitrary<HttpResult> = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    kind: fc.constant('response' as const),
    status: fc.oneof(fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503, 504), fc.integer({ min: 200, max: 599 })),
    headers: fc.tuple(fc.option(headerValue, { nil: undefined }), fc.option(headerValue, { nil: undefined })).map(([date, retry]) => headers([...(date === undefined ? [] : [['Date', date] as [string, string]]), ...(retry === undefined ? [] : [['Retry-After', retry] as [string, string]])])),
    body: fc.oneof(hostileJson(REGISTER_KEYS, REGISTER_VALUES), fc.constant(undefined)),
  }) },
  fc.record({ kind: fc.constant('failure' as const), reason: fc.constantFrom('network' as const, 'timeout' as const) }),
);

const storedRecord: fc.Arbitrary<RegistrationRecord> = fc.oneof(fc.constant(EMPTY_RECORD), hostileJson(RECORD_KEYS, [FINGERPRINT, 1, 0, -1, true, 1e300]).map(readRecord));
const localNow = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constant(Date.parse('2025-03-01T12:00:00Z')));
const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** JSON with sorted keys: what storage keeps, comparable whatever order the fields were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  );
}

describe('registration answers under hostile input (CONTRACT §3)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('any answer gives a record that survives storage and a bounded wait; nothing throws or pollutes', () => {
    fc.assert(
      fc.property(storedRecord, registerResult, localNow, draw, (previous, result, now, r) => {
        const { record, message } = applyAnswer(previous, result, { localNowMs: now, fingerprint: FINGERPRINT, random: () => r });
        expect(canonical(readRecord(JSON.parse(JSON.stringify(record)) as unknown))).toBe(canonical(record));
        expect(Number.isFinite(record.serverOffsetMs)).toBe(true);
        expect(Number.isInteger(record.failures) && record.failures >= 0).toBe(true);
        if (record.wait) {
          expect(record.wait.lengthMs).toBeGreaterThanOrEqual(BACKOFF.minMs);
          expect(record.wait.lengthMs).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS + BACKOFF.capMs);
        }
        // The log line says what was decided, never what the server sent.
        const body = result.kind === 'response' ? result.body : undefined;
        const token = body && typeof body === 'object' ? (body as Record<string, unknown>).device_token : undefined;
        if (typeof token === 'string' && token.length >= 6) expect(message).not.toContain(token);
        expectPrototypesClean();
      }),
      {
        numRuns: 1000,
        // A 201 whose timestamp is an object with an own, non-callable toString: Date.parse throws on it.
        examples: [[EMPTY_RECORD, { kind: 'response', status: 201, headers: new Headers(), body: JSON.parse('{"registration_id":"r","device_token":"device_token_x","registration_timestamp":{"toString":1}}') as unknown }, 0, 0.5]],
      },
    );
  });

  it('follows the decision table: 201 keeps, 409/400/422 stop for good, 429/503 wait at least Retry-After', () => {
    fc.assert(
      fc.property(registerResult, localNow, draw, (result, now, r) => {
        const { record } = applyAnswer(EMPTY_RECORD, result, { localNowMs: now, fingerprint: FINGERPRINT, random: () => r });
        if (result.kind !== 'response') return;
        const { status } = result;
        if ([400, 401, 409, 422].includes(status)) {
          expect(record.stopped).toEqual({ status, fingerprint: FINGERPRINT });
          expect(planNextAttempt(record, FINGERPRINT, now)).toEqual({ kind: 'stopped', status });
        }
        if (status === 429 || status === 503) {
          const header = result.headers.get('Retry-After') ?? undefined;
          const required = header !== undefined && RFC_RETRY_AFTER.test(header) ? contractRetryAfterMs(header, result.headers.get('Date') ?? undefined) : undefined;
          if (required !== undefined) expect(record.wait?.lengthMs).toBeGreaterThanOrEqual(Math.min(required, MAX_RETRY_AFTER_MS));
        }
        if (record.registration) {
          expect(status >= 200 && status < 300).toBe(true);
          expect(record.failures).toBe(0);
          // A server granting an already-expired registration must not start a renewal loop.
          const plan = planNextAttempt(record, FINGERPRINT, now + record.serverOffsetMs);
          if (plan.kind === 'at') expect(plan.atServerMs).toBeGreaterThanOrEqual(now + record.serverOffsetMs + BACKOFF.baseMs);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('Retry-After in either form gives no wait or one between 0 and a day', () => {
    fc.assert(
      fc.property(fc.option(headerValue, { nil: undefined }), localNow, (header, serverNow) => {
        const wait = retryAfterMs(header, serverNow);
        if (wait === undefined) return;
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
        if (header !== undefined && /^\s*\d+\s*$/.test(header)) expect(wait).toBe(Math.min(MAX_RETRY_AFTER_MS, Number(header) * 1000));
      }),
      { numRuns: 1000 },
    );
  });

  it('backs off exponentially with full jitter: base about a minute, cap at least 30 minutes', () => {
    expect(backoffWindowMs(0)).toBeGreaterThanOrEqual(30_000);
    expect(backoffWindowMs(0)).toBeLessThanOrEqual(2 * MINUTE);
    expect(BACKOFF.capMs).toBeGreaterThanOrEqual(30 * MINUTE);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), draw, (failures, r) => {
        const window = backoffWindowMs(failures);
        expect(window).toBeGreaterThanOrEqual(backoffWindowMs(failures - 1));
        if (failures >= 1) expect(window).toBe(Math.min(BACKOFF.capMs, 2 * backoffWindowMs(failures - 1)));
        const delay = backoffDelayMs(failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(BACKOFF.minMs);
        expect(delay).toBeLessThanOrEqual(Math.max(BACKOFF.minMs, window));
      }),
    );
  });

  it('a renewal is never due sooner than a backoff base after the answer, whatever the dates say', () => {
    fc.assert(
      fc.property(localNow, fc.integer({ min: -400 * DAY, max: 400 * DAY }), fc.integer({ min: -400 * DAY, max: 400 * DAY }), (answered, issuedOffset, expiresOffset) => {
        const due = renewalDueServerMs(answered + issuedOffset, answered + expiresOffset, answered);
        expect(due).toBeGreaterThanOrEqual(answered + BACKOFF.baseMs);
      }),
    );
  });

  it('any stored record plans a finite next step', () => {
    fc.assert(
      fc.property(storedRecord, localNow, (record, now) => {
        const plan = planNextAttempt(record, FINGERPRINT, now);
        if (plan.kind === 'at') expect(Number.isFinite(plan.atServerMs)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('app_config: the refresh interval is a whole number of seconds in 60–3600 or nothing', () => {
    fc.assert(
      fc.property(hostileJson(['api_refresh_interval'], [59, 60, 3600, 3601, -1, 1e400, '300', null]), (raw) => {
        const appConfig = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
        const seconds = refreshIntervalSeconds(appConfig);
        if (seconds === undefined) return;
        expect(Number.isInteger(seconds)).toBe(true);
        expect(seconds).toBeGreaterThanOrEqual(60);
        expect(seconds).toBeLessThanOrEqual(3600);
      }),
    );
  });

  it('feature flags: only the server’s own true/false values, never an inherited or polluting one', () => {
    fc.assert(
      fc.property(hostileJson(['feature_flags', 'new_dashboard', ...POLLUTING_KEYS], [true, false, 'true', 1]), (raw) => {
        const appConfig = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
        const flags = readFeatureFlags(appConfig);
        expect(Object.getPrototypeOf(flags)).toBe(Object.prototype);
        expect(Object.values(flags).every((value) => typeof value === 'boolean')).toBe(true);
        const shell = new AppConfigFeatureFlags();
        shell.update(flags);
        const sent = appConfig?.feature_flags;
        for (const name of [...POLLUTING_KEYS, 'new_dashboard']) {
          const own = sent && typeof sent === 'object' && !Array.isArray(sent) && Object.prototype.hasOwnProperty.call(sent, name) ? (sent as Record<string, unknown>)[name] : undefined;
          const expected = typeof own === 'boolean' && name !== '__proto__' ? own : undefined;
          expect(shell.isEnabled(name), name).toBe(expected);
        }
        expectPrototypesClean();
      }),
      { numRuns: 500 },
    );
  });
});
