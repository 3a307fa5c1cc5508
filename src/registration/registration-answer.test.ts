import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../net/http';
import { backoffWindowMs } from './backoff';
import { planNextAttempt } from './next-attempt';
import { UNAUTHORIZED_GRACE, applyAnswer } from './registration-answer';
import { EMPTY_RECORD, type RegistrationRecord } from './registration-record';
import { grantBody, response } from './test-support';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SERVER_NOW = Date.parse('2025-03-01T12:00:00Z');
/** The TV's clock is three hours behind the server's. */
const SKEW = -3 * HOUR;
const LOCAL_NOW = SERVER_NOW + SKEW;
const FINGERPRINT = 'fp-current';
const serverDate = (ms = SERVER_NOW): Record<string, string> => ({ Date: new Date(ms).toUTCString() });

function answer(result: HttpResult, record: RegistrationRecord = EMPTY_RECORD, localNowMs = LOCAL_NOW, random = () => 0.5) {
  return applyAnswer(record, result, { localNowMs, fingerprint: FINGERPRINT, random });
}

const registered = (): RegistrationRecord =>
  answer(response(201, grantBody(SERVER_NOW, SERVER_NOW + 180 * DAY, { feature_flags: { new_dashboard: true } }), serverDate())).record;

describe('applyAnswer: 201 Created', () => {
  it('keeps registration_id, device_token, app_config and expires_at', () => {
    const { record } = answer(response(201, grantBody(SERVER_NOW, SERVER_NOW + 180 * DAY, { api_refresh_interval: 300 }), serverDate()));
    expect(record.registration).toMatchObject({ registrationId: 'reg_12345abcdef', deviceToken: 'device_token_xyz789', expiresAtServerMs: SERVER_NOW + 180 * DAY });
    expect(record.appConfig).toEqual({ api_refresh_interval: 300 });
    expect(record.lastOutcome).toEqual({ status: 201, atServerMs: SERVER_NOW });
  });

  it('times the renewal by the server clock, not the skewed TV clock', () => {
    const { record } = answer(response(201, grantBody(SERVER_NOW, SERVER_NOW + 10 * DAY), serverDate()));
    expect(record.serverOffsetMs).toBe(-SKEW);
    expect(planNextAttempt(record, FINGERPRINT, LOCAL_NOW + record.serverOffsetMs)).toEqual({ kind: 'at', atServerMs: SERVER_NOW + 9 * DAY, reason: 'renewal' });
  });

  it('falls back to registration_timestamp for the server clock when Date is not exposed', () => {
    const { record } = answer(response(201, grantBody(SERVER_NOW, SERVER_NOW + 10 * DAY)));
    expect(record.serverOffsetMs).toBe(-SKEW);
  });

  it('treats a 201 without a device token as a failure and keeps the registration it had', () => {
    const before = registered();
    const { record } = answer(response(201, { status: 'registered' }, serverDate()), before);
    expect(record.registration).toEqual(before.registration);
    expect(record.failures).toBe(1);
    expect(record.wait?.retryAfter).toBe(false);
  });

  it('reads dates that are not text as missing instead of throwing', () => {
    const hostile = JSON.parse('{"toString":1}') as unknown;
    for (const value of [hostile, 1700000000000, true, ['Wed, 21 Oct 2015 07:28:00 GMT'], null]) {
      const body = { ...grantBody(SERVER_NOW, SERVER_NOW + DAY), registration_timestamp: value, expires_at: value };
      const { record } = answer(response(201, body));
      expect(record.registration?.deviceToken).toBe('device_token_xyz789');
      expect(record.registration?.expiresAtServerMs).toBeUndefined();
      expect(record.serverOffsetMs).toBe(0);
    }
  });

  it('clears failures, waits and stops from earlier attempts', () => {
    const failing: RegistrationRecord = { ...EMPTY_RECORD, failures: 4, wait: { untilServerMs: SERVER_NOW, lengthMs: 1, retryAfter: true } };
    const { record } = answer(response(201, grantBody(SERVER_NOW, SERVER_NOW + DAY), serverDate()), failing);
    expect(record).toMatchObject({ failures: 0, wait: undefined, stopped: undefined });
  });
});

describe('applyAnswer: answers that stop registration', () => {
  it('409: recorded and never retried', () => {
    const { record } = answer(response(409, { error: 'already_registered' }, serverDate()));
    expect(record.stopped).toEqual({ status: 409, fingerprint: FINGERPRINT });
    expect(planNextAttempt(record, FINGERPRINT, SERVER_NOW + 365 * DAY)).toEqual({ kind: 'stopped', status: 409 });
  });

  it.each([400, 401, 422])('%i: stops until the configuration or app version changes', (status) => {
    const { record } = answer(response(status, { error: 'x' }, serverDate()));
    expect(planNextAttempt(record, FINGERPRINT, SERVER_NOW + 30 * DAY)).toEqual({ kind: 'stopped', status });
    expect(planNextAttempt(record, 'fp-after-app-update', SERVER_NOW)).toEqual({ kind: 'at', atServerMs: SERVER_NOW, reason: 'first' });
  });

  it('400 on a renewal keeps the registration it has until it expires', () => {
    const before = registered();
    const { record } = answer(response(400, undefined, serverDate()), before);
    expect(record.registration).toEqual(before.registration);
  });
});

describe('applyAnswer: 401 grace period for a held device token', () => {
  it('keeps the token through repeated 401s, then drops it and stops', () => {
    let record = registered();
    const unauthorized = response(401, { error: 'invalid_token' });
    for (let i = 1; i < UNAUTHORIZED_GRACE.count; i++) {
      record = answer(unauthorized, record, LOCAL_NOW + i * 60_000).record;
      expect(record.registration?.deviceToken).toBe('device_token_xyz789');
      expect(planNextAttempt(record, FINGERPRINT, SERVER_NOW).kind).toBe('at');
    }
    // Enough 401s, but all within minutes: still inside the grace period.
    record = answer(unauthorized, record, LOCAL_NOW + 10 * 60_000).record;
    expect(record.registration).toBeDefined();
    record = answer(unauthorized, record, LOCAL_NOW + 60_000 + UNAUTHORIZED_GRACE.periodMs).record;
    expect(record.registration).toBeUndefined();
    expect(record.stopped).toEqual({ status: 401, fingerprint: FINGERPRINT });
  });

  it('starts counting again after any other answer', () => {
    const minutes = [0, 1, 70, 71];
    let record = registered();
    for (const minute of minutes) record = answer(response(401), record, LOCAL_NOW + minute * 60_000).record;
    expect(record.registration).toBeUndefined();

    record = registered();
    for (const minute of minutes) {
      if (minute === 70) record = answer(response(500), record, LOCAL_NOW + 2 * 60_000).record;
      record = answer(response(401), record, LOCAL_NOW + minute * 60_000).record;
    }
    expect(record.registration).toBeDefined();
    expect(record.unauthorized?.count).toBe(2);
  });
});

describe('applyAnswer: waits', () => {
  it('429 Retry-After: 120 → no attempt for at least 120 s, plus jitter', () => {
    for (const draw of [0, 0.5, 0.999]) {
      const { record } = answer(response(429, undefined, { ...serverDate(), 'Retry-After': '120' }), EMPTY_RECORD, LOCAL_NOW, () => draw);
      const plan = planNextAttempt(record, FINGERPRINT, SERVER_NOW);
      if (plan.kind !== 'at') throw new Error('expected a planned attempt');
      expect(plan.atServerMs - SERVER_NOW).toBeGreaterThanOrEqual(120_000);
      expect(plan.atServerMs - SERVER_NOW).toBeLessThanOrEqual(120_000 + backoffWindowMs(0));
      expect(record.wait?.retryAfter).toBe(true);
    }
  });

  it('503 with an HTTP-date Retry-After is measured against the server Date, not the TV clock', () => {
    const retryAt = new Date(SERVER_NOW + 10 * 60_000).toUTCString();
    const { record } = answer(response(503, undefined, { ...serverDate(), 'Retry-After': retryAt }), EMPTY_RECORD, LOCAL_NOW, () => 0);
    expect(record.wait?.untilServerMs).toBe(SERVER_NOW + 10 * 60_000);
  });

  it('429 without a usable Retry-After backs off like a server error', () => {
    const { record } = answer(response(429, undefined, { ...serverDate(), 'Retry-After': 'later' }), EMPTY_RECORD, LOCAL_NOW, () => 1);
    expect(record.wait).toEqual({ untilServerMs: SERVER_NOW + backoffWindowMs(0), lengthMs: backoffWindowMs(0), retryAfter: false });
  });

  it.each<[string, HttpResult]>([
    ['500', response(500, undefined, serverDate())],
    ['502 with an HTML body', response(502, undefined, serverDate())],
    ['an unexpected 404', response(404, undefined, serverDate())],
    ['a network error', { kind: 'failure', reason: 'network' }],
    ['a timeout', { kind: 'failure', reason: 'timeout' }],
  ])('%s: exponential backoff, the window doubling per failure up to the cap', (_name, result) => {
    let record: RegistrationRecord = { ...EMPTY_RECORD, serverOffsetMs: -SKEW };
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      record = answer(result, record, LOCAL_NOW, () => 1).record;
      waits.push(record.wait!.lengthMs);
    }
    expect(waits).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map(backoffWindowMs));
    expect(record.failures).toBe(9);
    expect(record.wait?.untilServerMs).toBe(SERVER_NOW + waits[8]!);
  });

  it('records how the last attempt failed, without any body', () => {
    const { record } = answer({ kind: 'failure', reason: 'timeout' }, { ...EMPTY_RECORD, serverOffsetMs: -SKEW });
    expect(record.lastOutcome).toEqual({ status: 'timeout', atServerMs: SERVER_NOW });
  });
});
