import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config';
import { registrationFingerprint } from './fingerprint';
import { planNextAttempt } from './next-attempt';
import { EMPTY_RECORD, adoptUnnamedConflict, readRecord } from './registration-record';

const registration = { registrationId: 'reg_1', deviceToken: 'tok', expiresAtServerMs: 2000, renewAtServerMs: 1800, fingerprint: 'fp' };

describe('readRecord', () => {
  it('starts fresh from nothing or garbage', () => {
    expect(readRecord(undefined)).toEqual(EMPTY_RECORD);
    expect(readRecord('{"registration":1}')).toEqual(EMPTY_RECORD);
  });

  it('drops a damaged field on its own, keeping the rest', () => {
    const record = readRecord({ registration, serverOffsetMs: 5000, failures: 3, wait: { untilServerMs: 'soon' }, stopped: { status: 409, fingerprint: 'fp' } });
    expect(record).toMatchObject({ registration, serverOffsetMs: 5000, failures: 3, wait: undefined, stopped: { status: 409, fingerprint: 'fp' } });
  });

  it('drops a registration without its token rather than keeping half of it', () => {
    expect(readRecord({ registration: { ...registration, deviceToken: '' }, failures: 1 }).registration).toBeUndefined();
  });
});

describe('adoptUnnamedConflict', () => {
  const api = { ...DEFAULT_CONFIG.registerApi, token: 'register-token' };
  const updated = registrationFingerprint(api, '2.0.0');
  /** As the app before backends were told apart stored a 409: one hash of settings and version. */
  const legacy409 = readRecord({ serverOffsetMs: 0, failures: 0, stopped: { status: 409, fingerprint: '1c2b3a4d5e6f7' } });

  it('keeps a 409 stored by the old app through the update, then lets a new backend lift it', () => {
    const record = adoptUnnamedConflict(legacy409, updated);
    expect(planNextAttempt(record, updated, 0)).toEqual({ kind: 'stopped', status: 409 });
    expect(planNextAttempt(record, registrationFingerprint({ ...api, url: 'https://other.example/register/' }, '2.0.0'), 0)).toMatchObject({ kind: 'at', reason: 'first' });
  });

  it('leaves other stops, and 409s that name their backend, as they are', () => {
    const legacy400 = { ...legacy409, stopped: { status: 400, fingerprint: '1c2b3a4d5e6f7' } };
    expect(adoptUnnamedConflict(legacy400, updated)).toBe(legacy400);
    const named = { ...legacy409, stopped: { status: 409, fingerprint: registrationFingerprint(api, '1.0.0') } };
    expect(adoptUnnamedConflict(named, updated)).toBe(named);
  });
});
