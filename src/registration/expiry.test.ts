import { describe, expect, it } from 'vitest';
import { BACKOFF } from './backoff';
import { renewalDueServerMs } from './expiry';

const DAY = 24 * 3600_000;
const ISSUED = Date.parse('2024-01-15T10:30:00Z');

describe('renewalDueServerMs', () => {
  it('renews when a tenth of the lifetime remains', () => {
    const expires = Date.parse('2024-07-15T10:30:00Z');
    expect(renewalDueServerMs(ISSUED, expires, ISSUED)).toBe(expires - (expires - ISSUED) / 10);
    expect(renewalDueServerMs(ISSUED, ISSUED + 10 * DAY, ISSUED)).toBe(ISSUED + 9 * DAY);
  });

  it('never renews sooner than a backoff base after the answer, even for an expired grant', () => {
    const answered = ISSUED + 30 * DAY;
    expect(renewalDueServerMs(ISSUED, ISSUED + DAY, answered)).toBe(answered + BACKOFF.baseMs);
    expect(renewalDueServerMs(ISSUED, ISSUED - DAY, ISSUED)).toBe(ISSUED + BACKOFF.baseMs);
  });
});
