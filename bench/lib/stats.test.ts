import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('percentile', () => {
  it('picks the nearest rank, so p95 of ten runs is the slowest run', () => {
    const runs = [12, 10, 11, 19, 13, 14, 15, 16, 17, 18];
    expect(percentile(runs, 50)).toBe(14);
    expect(percentile(runs, 95)).toBe(19);
  });

  it('p95 of 200 presses ignores the ten slowest', () => {
    const presses = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(presses, 95)).toBe(190);
  });

  it('refuses an empty sample rather than inventing a number', () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
  });
});

describe('summarize', () => {
  it('reports count, median, p95 and max without reordering the input', () => {
    const sample = [5, 1, 3];
    expect(summarize(sample)).toEqual({ count: 3, p50: 3, p95: 5, max: 5 });
    expect(sample).toEqual([5, 1, 3]);
  });
});
