import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelayMs, backoffWindowMs, retryAfterDelayMs } from './backoff';

const MINUTE = 60_000;

describe('backoff', () => {
  it('starts near a minute and doubles per consecutive failure', () => {
    expect([0, 1, 2, 3, 4].map(backoffWindowMs)).toEqual([1, 2, 4, 8, 16].map((m) => m * MINUTE));
  });

  it('is capped at no less than 30 minutes, however long the TV keeps failing', () => {
    expect(BACKOFF.capMs).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(backoffWindowMs(10)).toBe(BACKOFF.capMs);
    expect(backoffWindowMs(10_000)).toBe(BACKOFF.capMs);
  });

  it('draws every wait from the whole window (full jitter), never below the floor', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, draw) => {
        const wait = backoffDelayMs(failures, () => draw);
        expect(wait).toBeGreaterThanOrEqual(BACKOFF.minMs);
        expect(wait).toBeLessThanOrEqual(backoffWindowMs(failures));
      }),
    );
    expect(backoffDelayMs(2, () => 0.5)).toBe(2 * MINUTE);
    expect(backoffDelayMs(2, () => 0)).toBe(BACKOFF.minMs);
  });

  it('waits at least Retry-After, plus jitter over the backoff window', () => {
    fc.assert(
      fc.property(fc.nat(24 * 3600), fc.nat(20), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (seconds, failures, draw) => {
        const wait = retryAfterDelayMs(seconds * 1000, failures, () => draw);
        expect(wait).toBeGreaterThanOrEqual(seconds * 1000);
        expect(wait).toBeLessThanOrEqual(seconds * 1000 + backoffWindowMs(failures));
      }),
    );
  });
});
