// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('names the wait after which an attempt gets through, also once the tester has lowered the limit', () => {
    const limiter = new RateLimiter();
    // Ten attempts a second apart under the default limit of 10, then the tester sets 2.
    for (let second = 0; second < 10; second += 1) expect(limiter.attempt('tv', 10, second * 1000)).toBe(0);
    const wait = limiter.attempt('tv', 2, 10_000);
    // Two attempts may stand in the window: the 9th (at 8 s) must leave it, at 68 s.
    expect(wait).toBe(58);
    expect(limiter.attempt('tv', 2, 10_000 + (wait - 1) * 1000)).toBeGreaterThan(0);
    expect(limiter.attempt('tv', 2, 10_000 + wait * 1000)).toBe(0);
  });

  it('at the limit it has counted, the wait is until the oldest attempt leaves the minute', () => {
    const limiter = new RateLimiter();
    for (let second = 0; second < 3; second += 1) limiter.attempt('tv', 3, second * 1000);
    expect(limiter.attempt('tv', 3, 30_000)).toBe(30);
    expect(limiter.attempt('tv', 3, 60_000)).toBe(0);
  });
});
