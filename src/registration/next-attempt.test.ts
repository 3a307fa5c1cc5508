import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config';
import { registrationFingerprint } from './fingerprint';
import { holdOnAttemptNow, planNextAttempt } from './next-attempt';
import { EMPTY_RECORD, type RegistrationRecord } from './registration-record';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const HOUR = 3600_000;
const held = { registrationId: 'reg_1', deviceToken: 'tok', expiresAtServerMs: NOW + 100 * HOUR, renewAtServerMs: NOW + 90 * HOUR, fingerprint: 'fp' };

const api = { ...DEFAULT_CONFIG.registerApi, token: 'register-token' };
const FINGERPRINT = registrationFingerprint(api, '1.0.0');
const stoppedBy = (status: number): RegistrationRecord => ({ ...EMPTY_RECORD, stopped: { status, fingerprint: FINGERPRINT } });
/** Every change an app update or a new config.json can make, except the backend itself. */
const SAME_BACKEND = [
  registrationFingerprint(api, '1.1.0'),
  registrationFingerprint({ ...api, token: 'rotated-token' }, '1.0.0'),
  registrationFingerprint({ ...api, username: 'someone', password: 'other' }, '1.0.0'),
  registrationFingerprint({ ...api, deviceType: 'de' }, '1.0.0'),
];
const OTHER_BACKEND = registrationFingerprint({ ...api, url: 'https://other.example/api/v1/device_app_register/' }, '1.0.0');

describe('planNextAttempt', () => {
  it('registers at once on first run', () => {
    expect(planNextAttempt(EMPTY_RECORD, 'fp', NOW)).toEqual({ kind: 'at', atServerMs: NOW, reason: 'first' });
  });

  it('renews at the stored renewal time', () => {
    expect(planNextAttempt({ ...EMPTY_RECORD, registration: held }, 'fp', NOW)).toEqual({ kind: 'at', atServerMs: NOW + 90 * HOUR, reason: 'renewal' });
  });

  it('renews at once after an app update or new settings', () => {
    expect(planNextAttempt({ ...EMPTY_RECORD, registration: held }, 'fp-new', NOW)).toEqual({ kind: 'at', atServerMs: NOW, reason: 'settings-changed' });
  });

  it('does nothing for a registration the server gave no expiry', () => {
    expect(planNextAttempt({ ...EMPTY_RECORD, registration: { ...held, expiresAtServerMs: undefined, renewAtServerMs: undefined } }, 'fp', NOW)).toEqual({ kind: 'none' });
  });

  it('keeps a wait, but a TV clock that jumped back cannot stretch it beyond its length', () => {
    const record: RegistrationRecord = { ...EMPTY_RECORD, wait: { untilServerMs: NOW + 10 * 60_000, lengthMs: 15 * 60_000, retryAfter: false } };
    expect(planNextAttempt(record, 'fp', NOW)).toMatchObject({ atServerMs: NOW + 10 * 60_000 });
    expect(planNextAttempt(record, 'fp', NOW - 5 * HOUR)).toMatchObject({ atServerMs: NOW - 5 * HOUR + 15 * 60_000 });
  });

  it('after a 409 never registers with that backend again, whatever the app version or settings; another backend may', () => {
    for (const fingerprint of [FINGERPRINT, ...SAME_BACKEND]) expect(planNextAttempt(stoppedBy(409), fingerprint, NOW)).toEqual({ kind: 'stopped', status: 409 });
    expect(planNextAttempt(stoppedBy(409), OTHER_BACKEND, NOW)).toEqual({ kind: 'at', atServerMs: NOW, reason: 'first' });
  });

  it.each([400, 401, 422])('after a %i registers again once the app version or any setting changes', (status) => {
    expect(planNextAttempt(stoppedBy(status), FINGERPRINT, NOW)).toEqual({ kind: 'stopped', status });
    for (const fingerprint of [...SAME_BACKEND, OTHER_BACKEND]) expect(planNextAttempt(stoppedBy(status), fingerprint, NOW)).toEqual({ kind: 'at', atServerMs: NOW, reason: 'first' });
  });
});

describe('holdOnAttemptNow', () => {
  const waiting = (retryAfter: boolean): RegistrationRecord => ({ ...EMPTY_RECORD, wait: { untilServerMs: NOW + HOUR, lengthMs: HOUR, retryAfter } });

  it('lets a viewer action cut an ordinary backoff short', () => {
    expect(holdOnAttemptNow(waiting(false), FINGERPRINT, NOW)).toBeUndefined();
  });

  it('says until when a Retry-After the server imposed holds', () => {
    expect(holdOnAttemptNow(waiting(true), FINGERPRINT, NOW)).toEqual({ kind: 'waiting', untilServerMs: NOW + HOUR });
    expect(holdOnAttemptNow(waiting(true), FINGERPRINT, NOW + 2 * HOUR)).toBeUndefined();
  });

  it('says which status stopped registration, for as long as the stop holds', () => {
    expect(holdOnAttemptNow(stoppedBy(409), SAME_BACKEND[0]!, NOW)).toEqual({ kind: 'stopped', status: 409 });
    expect(holdOnAttemptNow(stoppedBy(409), OTHER_BACKEND, NOW)).toBeUndefined();
    expect(holdOnAttemptNow(stoppedBy(422), FINGERPRINT, NOW)).toEqual({ kind: 'stopped', status: 422 });
    expect(holdOnAttemptNow(stoppedBy(422), SAME_BACKEND[0]!, NOW)).toBeUndefined();
  });
});
