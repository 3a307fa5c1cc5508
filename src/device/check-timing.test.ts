import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jitteredDelayMs } from './check-timing';

describe('jitteredDelayMs', () => {
  it('stays within ±10 % of the interval for any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 86_400 }), fc.double({ min: 0, max: 1, noNaN: true }), (seconds, r) => {
        const delay = jitteredDelayMs(seconds, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(seconds * 900));
        expect(delay).toBeLessThanOrEqual(Math.ceil(seconds * 1100));
      }),
    );
  });

  it('spans the whole band, so a fleet spreads out', () => {
    expect(jitteredDelayMs(300, () => 0)).toBe(270_000);
    expect(jitteredDelayMs(300, () => 0.5)).toBe(300_000);
    expect(jitteredDelayMs(300, () => 1)).toBe(330_000);
  });

  it('keeps a misbehaving random source inside the band', () => {
    expect(jitteredDelayMs(300, () => 7)).toBe(330_000);
    expect(jitteredDelayMs(300, () => -1)).toBe(270_000);
  });
});
