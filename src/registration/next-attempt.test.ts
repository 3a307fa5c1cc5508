import { describe, expect, it } from 'vitest';
import { mayAttemptNow, planNextAttempt } from './next-attempt';
import { EMPTY_RECORD, type RegistrationRecord } from './registration-record';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const HOUR = 3600_000;
const held = { registrationId: 'reg_1', deviceToken: 'tok', expiresAtServerMs: NOW + 100 * HOUR, renewAtServerMs: NOW + 90 * HOUR, fingerprint: 'fp' };

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
});

describe('mayAttemptNow', () => {
  const waiting = (retryAfter: boolean): RegistrationRecord => ({ ...EMPTY_RECORD, wait: { untilServerMs: NOW + HOUR, lengthMs: HOUR, retryAfter } });

  it('lets a viewer action cut an ordinary backoff short', () => {
    expect(mayAttemptNow(waiting(false), 'fp', NOW)).toBe(true);
  });

  it('respects a Retry-After the server imposed and a stop for this configuration', () => {
    expect(mayAttemptNow(waiting(true), 'fp', NOW)).toBe(false);
    expect(mayAttemptNow(waiting(true), 'fp', NOW + 2 * HOUR)).toBe(true);
    expect(mayAttemptNow({ ...EMPTY_RECORD, stopped: { status: 409, fingerprint: 'fp' } }, 'fp', NOW)).toBe(false);
    expect(mayAttemptNow({ ...EMPTY_RECORD, stopped: { status: 409, fingerprint: 'fp' } }, 'fp-new', NOW)).toBe(true);
  });
});
