/** Median, p95 and max of a sample, the way the bench reports every timing. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** The nearest-rank percentile (`p` in 0–100): always a value that was measured, never interpolated. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error('percentile of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values: readonly number[]): Summary {
  return { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) };
}
