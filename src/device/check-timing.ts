/** ±10 %: spreads a fleet's checks so TVs switched on together don't hit the API together. */
const JITTER_FRACTION = 0.1;

/** The delay to the next check: the interval, jittered by ±10 %, in milliseconds. */
export function jitteredDelayMs(intervalSeconds: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(intervalSeconds * 1000 * (1 - JITTER_FRACTION + 2 * JITTER_FRACTION * r));
}

/** A monotonic clock for scheduling (TV wall clocks jump when they sync) and a wall clock for display. */
export interface Clock {
  /** Milliseconds from an arbitrary origin; never jumps (performance.now). */
  now(): number;
  /** Epoch milliseconds (Date.now), only for showing times to a person. */
  wallNow(): number;
}

/** The timer functions the scheduler needs; injected so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
