import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from './retry-after';

const SERVER_NOW = Date.parse('2025-03-01T12:00:00Z');

describe('retryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(retryAfterMs('120', SERVER_NOW)).toBe(120_000);
    expect(retryAfterMs(' 0 ', SERVER_NOW)).toBe(0);
  });

  it('reads an HTTP date against the server clock', () => {
    expect(retryAfterMs('Sat, 01 Mar 2025 12:02:30 GMT', SERVER_NOW)).toBe(150_000);
  });

  it('reads the two older HTTP-date forms, asctime in GMT whatever the TV\'s time zone', () => {
    expect(retryAfterMs('Saturday, 01-Mar-25 12:02:30 GMT', SERVER_NOW)).toBe(150_000);
    expect(retryAfterMs('Sat Mar  1 12:02:30 2025', SERVER_NOW)).toBe(150_000);
  });

  it('treats a date already past as no wait', () => {
    expect(retryAfterMs('Sat, 01 Mar 2025 11:00:00 GMT', SERVER_NOW)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null, SERVER_NOW)).toBeUndefined();
    expect(retryAfterMs('', SERVER_NOW)).toBeUndefined();
    expect(retryAfterMs('soon', SERVER_NOW)).toBeUndefined();
    expect(retryAfterMs('-5', SERVER_NOW)).toBeUndefined();
    // Text that `Date.parse` happens to read as a date is still not an HTTP date.
    expect(retryAfterMs('x 2030', SERVER_NOW)).toBeUndefined();
    expect(retryAfterMs('Retry 10', SERVER_NOW)).toBeUndefined();
    expect(retryAfterMs('2025-03-01T12:02:30Z', SERVER_NOW)).toBeUndefined();
  });

  it('never parks the TV for more than a day', () => {
    expect(retryAfterMs('99999999', SERVER_NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('Fri, 01 Mar 2030 12:00:00 GMT', SERVER_NOW)).toBe(MAX_RETRY_AFTER_MS);
  });
});
