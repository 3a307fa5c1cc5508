import { describe, expect, it } from 'vitest';
import { EMPTY_RECORD, readRecord } from './registration-record';

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
